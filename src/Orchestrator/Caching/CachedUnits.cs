using System.Globalization;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Caching;

/// <summary>
/// Reused passes as the run's record holds them: one unit per partition they would have run in, marked
/// <see cref="UnitRun.Cached"/>, with every case passed in its original duration and a note naming the run it came from,
/// so every report counts them with the tests that ran and says where they came from.
/// </summary>
internal static class CachedUnits
{
    public const string UnitSuffix = "#cached";

    public static IReadOnlyList<UnitRun> Of(RunCache cache, IReadOnlyList<DiscoveredTest> discovered, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(discovered);
        if (cache.Reused.Count == 0)
        {
            return [];
        }
        var tests = discovered.GroupBy(test => test.Key).ToDictionary(group => group.Key, group => group.First());
        return [.. cache.Reused
            .Where(reused => tests.ContainsKey(reused.Key))
            .GroupBy(reused => (Layer: tests[reused.Key].Layer.ToLowerInvariant(), tests[reused.Key].Resources, tests[reused.Key].Partition))
            .OrderBy(group => Planner.PartitionId(group.Key.Layer, group.Key.Resources, group.Key.Partition), StringComparer.Ordinal)
            .Select(group =>
            {
                var partitionId = Planner.PartitionId(group.Key.Layer, group.Key.Resources, group.Key.Partition);
                var passes = group.OrderBy(reused => reused.Key, TestKey.Ordinal).ToList();
                return new UnitRun(
                    partitionId + UnitSuffix,
                    partitionId,
                    group.Key.Layer,
                    group.Key.Resources,
                    Attempt: 0,
                    Repetition: 0,
                    [.. passes.Select(reused => reused.Key)],
                    TrxPath: null,
                    at,
                    at,
                    UnitExit.Passed,
                    "Not run: these tests passed before with unchanged inputs (result cache).")
                {
                    Cached = true,
                    Results = [.. passes.SelectMany(reused => reused.Value.Cases.Select(@case => Result(reused.Key, reused.Value, @case)))],
                };
            })];
    }

    /// <summary>The note a reused result carries in every report (TRX output, JUnit system-out).</summary>
    public static string Note(CachedPass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        return string.Create(CultureInfo.InvariantCulture,
            $"Cached: passed in run {pass.RunId} ({pass.RecordedAt:yyyy-MM-dd HH:mm:ss} UTC) with the same inputs; not run again. 'run --no-cache' runs it.");
    }

    private static TestCaseResult Result(TestKey key, CachedPass pass, CachedCase @case) => new(
        key,
        @case.DisplayName,
        TrxOutcome.Passed,
        @case.Duration,
        StartTime: null,
        EndTime: null,
        ErrorMessage: null,
        StackTrace: null,
        StdOut: Note(pass),
        StdErr: null,
        ComputerName: null,
        ExecutionId: Guid.NewGuid().ToString(),
        @case.TestId,
        @case.Definition);
}
