using System.Globalization;
using Orchestrator.Configuration;
using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>
/// Packs the small resource sets of a layer into shared partitions. Every <c>dotnet test</c> process
/// pays seconds of start-up before its first test; a resource set whose tests take less than that (the
/// start-up the timings file measured for its assemblies, see <see cref="TimingHistory.StartUp"/>) costs
/// more in process start-up than in testing, so it is packed, as long as it is also expected to take less than
/// <c>packBelowSeconds</c>, the cap on what may lose its own process. Packed tests run in one process with the union of
/// their resources and one namespace per resource, isolated from the other partitions as before.
/// Resource-free groups are never packed with others: they are what runs while containers start. Nor are
/// partitions a rule named: a team asked for them to run apart.
/// </summary>
internal static class PartitionPacking
{
    public static List<TestGroup> Pack(IReadOnlyList<TestGroup> groups, OrchestratorConfiguration config, TimingHistory history)
    {
        var parallelism = config.Parallelism;
        if (parallelism.PackBelow <= TimeSpan.Zero)
        {
            return [.. groups];
        }
        var capacity = parallelism.TargetUnitDuration > parallelism.PackBelow ? parallelism.TargetUnitDuration : parallelism.PackBelow;
        var result = new List<TestGroup>(groups.Count);
        foreach (var layer in groups.GroupBy(group => group.Layer, StringComparer.Ordinal))
        {
            var small = layer
                .Select(group => (Group: group, Duration: Duration(group, history)))
                .Where(item => !item.Group.Resources.IsEmpty && item.Group.Name is null && item.Duration < parallelism.PackBelow
                    && item.Duration < history.StartUpOf(item.Group.Tests.Select(test => test.Key)))
                .OrderByDescending(item => item.Duration)
                .ThenBy(item => item.Group.Id, StringComparer.Ordinal)
                .ToList();
            var packs = FirstFitDecreasing(small, capacity, config);
            var packed = packs.Where(pack => pack.Members.Count > 1).SelectMany(pack => pack.Members).ToHashSet();
            result.AddRange(layer.Where(group => !packed.Contains(group)));
            var usedIds = layer.Select(group => group.Id).ToHashSet(StringComparer.Ordinal);
            result.AddRange(packs.Where(pack => pack.Members.Count > 1).Select(pack => Merge(layer.Key, pack.Members, usedIds)));
        }
        return result;
    }

    private static TimeSpan Duration(TestGroup group, TimingHistory history) =>
        group.Tests.Aggregate(TimeSpan.Zero, (sum, test) => sum + history.Estimate(test.Key));

    private static List<Bin> FirstFitDecreasing(List<(TestGroup Group, TimeSpan Duration)> small, TimeSpan capacity, OrchestratorConfiguration config)
    {
        var packs = new List<Bin>();
        foreach (var (group, duration) in small)
        {
            var fit = packs.FirstOrDefault(pack =>
                pack.Load + duration <= capacity
                && config.ContainersNeeded(pack.Resources.Union(group.Resources)) <= config.Parallelism.MaxContainers);
            if (fit is null)
            {
                fit = new Bin();
                packs.Add(fit);
            }
            fit.Members.Add(group);
            fit.Load += duration;
            fit.Resources = fit.Resources.Union(group.Resources);
        }
        return packs;
    }

    private static TestGroup Merge(string layer, List<TestGroup> members, HashSet<string> usedIds)
    {
        var resources = members.Aggregate(ResourceSet.None, (union, member) => union.Union(member.Resources));
        var stem = $"{layer}-packed-{resources}";
        var id = stem;
        for (var suffix = 2; !usedIds.Add(id); suffix++)
        {
            id = $"{stem}-{suffix.ToString(CultureInfo.InvariantCulture)}";
        }
        var tests = members.SelectMany(member => member.Tests).OrderBy(test => test.Key, TestKey.Ordinal).ToList();
        var sets = members.Select(member => member.Resources).OrderBy(set => set.ToString(), StringComparer.Ordinal).ToList();
        return new TestGroup(id, layer, resources, tests, sets);
    }

    private sealed class Bin
    {
        public List<TestGroup> Members { get; } = [];

        public TimeSpan Load { get; set; }

        public ResourceSet Resources { get; set; } = ResourceSet.None;
    }
}
