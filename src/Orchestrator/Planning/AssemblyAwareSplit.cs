using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>
/// Splits a partition's tests into units balanced by duration without scattering assemblies: each
/// assembly of a unit costs that unit a test host start, so an assembly is cut into only as many pieces
/// as its share of the partition's time calls for, and the pieces are then placed longest first.
/// A partition of one assembly splits test by test, as a plain longest-processing-time split would.
/// </summary>
internal static class AssemblyAwareSplit
{
    // Rounding of tick sums must not turn an assembly of exactly one share into two pieces.
    private const double ShareTolerance = 1e-9;

    /// <param name="estimated">The tests with their expected durations, longest first, ties in key order.</param>
    /// <returns>The non-empty units' tests and expected durations.</returns>
    public static (List<List<DiscoveredTest>> Members, List<TimeSpan> Loads) Split(
        IReadOnlyList<(DiscoveredTest Test, TimeSpan Duration)> estimated,
        TimeSpan total,
        int unitCount)
    {
        if (unitCount <= 1)
        {
            return ([[.. estimated.Select(item => item.Test)]], [total]);
        }
        var share = total.Ticks / (double)unitCount;
        var pieces = new List<(List<DiscoveredTest> Tests, TimeSpan Duration)>();
        foreach (var assembly in estimated.GroupBy(item => item.Test.SourcePath, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var tests = assembly.ToList();
            var duration = tests.Aggregate(TimeSpan.Zero, (sum, item) => sum + item.Duration);
            var wanted = share <= 0 ? 1 : (int)Math.Ceiling((duration.Ticks / share) - ShareTolerance);
            var single = tests.Select(item => (Tests: new List<DiscoveredTest> { item.Test }, item.Duration)).ToList();
            pieces.AddRange(Place(single, Math.Clamp(wanted, 1, Math.Min(unitCount, tests.Count))));
        }
        pieces = [.. pieces
            .OrderByDescending(piece => piece.Duration)
            .ThenBy(piece => piece.Tests[0].Key, TestKey.Ordinal)];
        var units = Place(pieces, unitCount);
        return ([.. units.Select(unit => unit.Tests)], [.. units.Select(unit => unit.Duration)]);
    }

    /// <summary>Longest-processing-time placement of items (ordered longest first) on <paramref name="bins"/> bins; empty bins are dropped.</summary>
    private static List<(List<DiscoveredTest> Tests, TimeSpan Duration)> Place(List<(List<DiscoveredTest> Tests, TimeSpan Duration)> items, int bins)
    {
        var (binOfItem, loads) = LongestProcessingTime.Assign([.. items.Select(item => item.Duration)], bins);
        var members = Enumerable.Range(0, bins).Select(_ => new List<DiscoveredTest>()).ToArray();
        for (var index = 0; index < items.Count; index++)
        {
            members[binOfItem[index]].AddRange(items[index].Tests);
        }
        return [.. Enumerable.Range(0, bins).Where(bin => members[bin].Count > 0).Select(bin => (members[bin], loads[bin]))];
    }
}
