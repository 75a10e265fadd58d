using System.Collections.Immutable;
using System.Globalization;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning.Selection;

namespace Orchestrator.Planning;

/// <summary>
/// Turns an inventory into a plan: selects the cadence's tests, groups them by (layer, resource set),
/// splits large groups into units balanced by historical durations, gives each unit an exact VSTest
/// filter, keeps one shard when asked and predicts the makespan. Pure: same input, same plan.
/// </summary>
internal static class Planner
{
    public static TestPlan Plan(
        TestInventory inventory,
        OrchestratorConfiguration config,
        string cadence,
        TimingHistory history,
        Shard? shard = null,
        TestSelection? selection = null,
        IReadOnlyDictionary<TestKey, string>? reused = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cadence);
        ArgumentNullException.ThrowIfNull(history);
        var definition = FindCadence(config, cadence);
        ValidateShard(shard);

        var tests = Deduplicate(inventory.Tests);
        var exclusions = new List<Exclusion>();
        var selected = new List<DiscoveredTest>(tests.Count);
        var layers = definition.Layers.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var allowed = definition.Resources.ToHashSet(StringComparer.OrdinalIgnoreCase);
        selection ??= TestSelection.All;
        if (!selection.IsEmpty && tests.Count > 0 && !tests.Any(test => selection.Includes(test, config.Traits)))
        {
            throw new SelectionException(selection.DescribeEmpty(tests, config.Traits));
        }
        reused ??= ImmutableDictionary<TestKey, string>.Empty;
        foreach (var test in tests)
        {
            var exclusion = selection.Includes(test, config.Traits)
                ? Exclude(test, definition, layers, allowed, config.Resources)
                : new Exclusion(test.Key, ExclusionReason.OutsideSelection, $"not selected by {Describe(selection)}");
            // A shard's split must not depend on one agent's cache: reused passes leave a sharded plan after the split.
            if (exclusion is null && shard is null && reused.TryGetValue(test.Key, out var reusedDetail))
            {
                exclusion = new Exclusion(test.Key, ExclusionReason.Cached, reusedDetail);
            }
            if (exclusion is null)
            {
                selected.Add(test);
            }
            else
            {
                exclusions.Add(exclusion);
            }
        }

        var bySource = tests.GroupBy(test => test.SourcePath, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<DiscoveredTest>)[.. group], StringComparer.Ordinal);
        var slots = Math.Max(1, config.Parallelism.EffectiveParallelUnits);
        var groups = selected
            .GroupBy(test => (Layer: test.Layer.ToLowerInvariant(), test.Resources, test.Partition))
            .Select(group => new TestGroup(PartitionId(group.Key.Layer, group.Key.Resources, group.Key.Partition), group.Key.Layer, group.Key.Resources, [.. group], [], group.Key.Partition))
            .ToList();
        var partitions = PartitionPacking.Pack(groups, config, history)
            .Select(group => BuildPartition(group, config, history, bySource, slots))
            .ToList();

        ShardSplit? split = null;
        if (shard is not null)
        {
            (partitions, split) = KeepShard(definition.Name, partitions, shard, exclusions);
            partitions = WithoutReused(partitions, reused, exclusions, tests);
        }

        partitions = [.. partitions
            .OrderByDescending(partition => partition.ExpectedDuration)
            .ThenBy(partition => partition.Id, StringComparer.Ordinal)];
        exclusions.Sort((left, right) => TestKey.Ordinal.Compare(left.Test, right.Test));
        return new TestPlan(definition.Name, partitions, exclusions, Predict(partitions, slots), shard) { Split = split };
    }

    private static string Describe(TestSelection selection) => (selection.Filter, selection.Projects.IsDefaultOrEmpty) switch
    {
        ({ } filter, true) => $"--filter '{filter}'",
        (null, false) => $"--project {string.Join(", ", selection.Projects)}",
        ({ } filter, false) => $"--filter '{filter}' and --project {string.Join(", ", selection.Projects)}",
        _ => "the selection",
    };

    /// <summary>Partition id: <c>integration-postgres+redis</c>, <c>unit-none</c>; a named one <c>integration-postgres-reports</c>.</summary>
    public static string PartitionId(string layer, ResourceSet resources, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return name is null ? $"{layer.ToLowerInvariant()}-{resources}" : $"{layer.ToLowerInvariant()}-{resources}-{name}";
    }

    /// <summary>Predicted makespan when <paramref name="units"/> are placed longest first on <paramref name="slots"/> slots.</summary>
    public static PlanPrediction Predict(IEnumerable<ExecutionUnit> units, int slots)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var durations = units.Select(unit => unit.ExpectedDuration).ToList();
        var total = durations.Aggregate(TimeSpan.Zero, (sum, duration) => sum + duration);
        var longest = durations.Count == 0 ? TimeSpan.Zero : durations.Max();
        var perSlot = TimeSpan.FromTicks((long)Math.Ceiling(total.Ticks / (double)slots));
        var lowerBound = longest > perSlot ? longest : perSlot;
        return new PlanPrediction(LongestProcessingTime.Makespan(durations, slots), lowerBound, total, slots);
    }

    private static PlanPrediction Predict(IReadOnlyList<Partition> partitions, int slots) =>
        Predict(partitions.SelectMany(partition => partition.Units), slots);

    private static CadenceDefinition FindCadence(OrchestratorConfiguration config, string cadence)
    {
        if (config.Cadences.TryGetValue(cadence, out var definition))
        {
            return definition;
        }
        var match = config.Cadences.Values.FirstOrDefault(c => string.Equals(c.Name, cadence, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new ArgumentException(
            $"Cadence '{cadence}' is not configured. Known cadences: {string.Join(", ", config.Cadences.Keys.Order(StringComparer.Ordinal))}. "
            + "Pick one of them or add it under \"cadences\" in orchestrator.json.",
            nameof(cadence));
    }

    private static void ValidateShard(Shard? shard)
    {
        if (shard is not null && (shard.Count < 1 || shard.Index < 1 || shard.Index > shard.Count))
        {
            throw new ArgumentOutOfRangeException(
                nameof(shard),
                shard.ToString(),
                "A shard is i/n with 1 <= i <= n, for example --shard 2/4.");
        }
    }

    /// <summary>One entry per key; data rows of a theory already share one, and a key reported twice keeps the first by path, layer and resources.</summary>
    private static List<DiscoveredTest> Deduplicate(IReadOnlyList<DiscoveredTest> tests)
    {
        var seen = new Dictionary<TestKey, DiscoveredTest>(tests.Count);
        foreach (var test in tests)
        {
            if (!seen.TryGetValue(test.Key, out var kept) || Precedes(test, kept))
            {
                seen[test.Key] = test;
            }
        }
        var unique = seen.Values.ToList();
        unique.Sort((left, right) => TestKey.Ordinal.Compare(left.Key, right.Key));
        return unique;
    }

    private static bool Precedes(DiscoveredTest candidate, DiscoveredTest kept)
    {
        var order = string.CompareOrdinal(candidate.SourcePath, kept.SourcePath);
        order = order != 0 ? order : string.CompareOrdinal(candidate.Layer, kept.Layer);
        order = order != 0 ? order : string.CompareOrdinal(candidate.Resources.ToString(), kept.Resources.ToString());
        return order < 0;
    }

    private static Exclusion? Exclude(
        DiscoveredTest test,
        CadenceDefinition cadence,
        HashSet<string> layers,
        HashSet<string> allowed,
        ImmutableDictionary<string, ResourceDefinition> defined)
    {
        if (!layers.Contains(test.Layer))
        {
            return new Exclusion(
                test.Key,
                ExclusionReason.LayerNotInCadence,
                $"layer '{test.Layer}' is not run by cadence '{cadence.Name}' (runs {List(cadence.Layers)})");
        }
        if (!test.Resources.All(allowed.Contains))
        {
            var missing = test.Resources.Where(resource => !allowed.Contains(resource)).ToList();
            var undefined = missing.Where(resource => !defined.ContainsKey(resource)).ToList();
            if (undefined.Count > 0)
            {
                return new Exclusion(
                    test.Key,
                    ExclusionReason.ResourceNotAllowed,
                    $"needs {string.Join(", ", undefined)}, which orchestrator.json does not define: add it under \"resources\" or correct the test's trait");
            }
            return new Exclusion(
                test.Key,
                ExclusionReason.ResourceNotAllowed,
                $"needs {string.Join(", ", missing)}, not allowed by cadence '{cadence.Name}' (allows {List(cadence.Resources)})");
        }
        return null;
    }

    private static string List(IEnumerable<string> names)
    {
        var joined = string.Join(", ", names);
        return joined.Length == 0 ? "none" : joined;
    }

    private static Partition BuildPartition(
        TestGroup group,
        OrchestratorConfiguration config,
        TimingHistory history,
        Dictionary<string, IReadOnlyList<DiscoveredTest>> bySource,
        int slots)
    {
        var (id, layer, resources, tests, packedSets, _) = group;
        var estimated = tests
            .Select(test => (Test: test, Duration: history.Estimate(test.Key)))
            .OrderByDescending(item => item.Duration)
            .ThenBy(item => item.Test.Key, TestKey.Ordinal)
            .ToList();
        var total = estimated.Aggregate(TimeSpan.Zero, (sum, item) => sum + item.Duration);
        var assemblies = tests.Select(test => test.Key.Assembly).Distinct(StringComparer.Ordinal).ToList();
        var startUp = assemblies.Aggregate(TimeSpan.Zero, (sum, assembly) => sum + history.StartUp(assembly)) / Math.Max(1, assemblies.Count);
        // Units a resource lets run only one or few at a time would wait for each other: split no further than that.
        var usableSlots = Math.Min(slots, config.ConcurrencyOf(resources) ?? slots);
        var unitCount = history.Knows(tests.Select(test => test.Key))
            ? UnitCount(total, tests.Count, startUp, config.Parallelism, usableSlots)
            : BlindUnitCount(tests.Count, config.Parallelism, usableSlots);

        var (members, _) = AssemblyAwareSplit.Split(estimated, total, unitCount);
        var durationOf = estimated.ToDictionary(item => item.Test.Key, item => item.Duration);

        var units = new List<ExecutionUnit>(unitCount);
        // A unit is one process of one runner: a bin holding assemblies of both platforms becomes one unit per platform.
        // A bin holding several builds of one assembly (a project built for several frameworks) becomes one unit per
        // build: their tests share test ids, and VSTest's TRX keeps one definition, with one assembly path, per id.
        var pieces = members
            .SelectMany(bin =>
            {
                var build = BuildOrdinals(bin);
                return bin.GroupBy(test => (test.Runner, Build: build[test.SourcePath]))
                    .OrderBy(group => group.Key.Runner)
                    .ThenBy(group => group.Key.Build)
                    .Select(group => group.ToList());
            })
            .ToList();
        foreach (var unitTests in pieces)
        {
            unitTests.Sort((left, right) => TestKey.Ordinal.Compare(left.Key, right.Key));
            var sources = unitTests.Select(test => test.SourcePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            // Units split from one partition share its traits, so only a unit holding a whole, single-set partition can be a trait filter.
            var filter = (pieces.Count == 1 && packedSets.Count == 0
                    ? TraitFilter.TryBuild(unitTests, sources.SelectMany(source => bySource[source]), layer, resources, config.Traits)
                    : null)
                ?? VsTestFilter.ForNames(unitTests.Select(test => test.Key));
            units.Add(new ExecutionUnit(
                $"{id}#{(units.Count + 1).ToString(CultureInfo.InvariantCulture)}",
                id,
                layer,
                resources,
                [.. unitTests.Select(test => test.Key)],
                sources,
                filter,
                unitTests.Aggregate(TimeSpan.Zero, (sum, test) => sum + durationOf[test.Key]))
            {
                ExpectedResults = unitTests.Sum(test => test.CaseCount),
                Runner = unitTests[0].Runner,
                CaseIds = [.. unitTests.SelectMany(test => test.CaseIds.Select(caseId => new TestCaseId(test.Key, caseId)))],
                Rows = [.. unitTests.SelectMany(test => test.Rows)],
            });
        }
        return new Partition(id, layer, resources, units) { PackedSets = packedSets };
    }

    /// <summary>Each source's place among the sources of <paramref name="tests"/> with its file name: 0 unless one assembly was built several times.</summary>
    private static Dictionary<string, int> BuildOrdinals(List<DiscoveredTest> tests)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var builds in tests.Select(test => test.SourcePath).Distinct(StringComparer.Ordinal).GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase))
        {
            var index = 0;
            foreach (var source in builds.Order(StringComparer.Ordinal))
            {
                ordinals[source] = index++;
            }
        }
        return ordinals;
    }

    /// <summary>
    /// Enough units to keep each under the target duration, within the per-partition cap, the slots and the test count,
    /// and no more than pay off: going from k to k + 1 units shortens the partition by total/k - total/(k + 1) but starts
    /// one more process, which costs <paramref name="startUp"/> (the mean start-up of the partition's assemblies: each unit
    /// starts at least one of them), so a unit is only added while it saves more than that.
    /// </summary>
    private static int UnitCount(TimeSpan total, int testCount, TimeSpan startUp, ParallelismSettings parallelism, int slots)
    {
        var target = parallelism.TargetUnitDuration > TimeSpan.Zero ? parallelism.TargetUnitDuration : TimeSpan.FromSeconds(30);
        var wanted = (long)Math.Ceiling(total.Ticks / (double)target.Ticks);
        var count = (int)Math.Clamp(wanted, 1, UnitCap(testCount, parallelism, slots));
        var paying = 1;
        while (paying < count && total.Ticks / (double)paying / (paying + 1) > startUp.Ticks)
        {
            paying++;
        }
        return paying;
    }

    /// <summary>Tests a partition needs per unit before it is split with no recorded duration of any of them.</summary>
    internal const int BlindTestsPerUnit = 50;

    /// <summary>
    /// Units for a partition the history knows nothing of (a fresh clone, an agent without the CI cache): the
    /// durations and start-ups are guesses then, and a guess of 100 ms a test keeps a hundred integration tests that
    /// take seconds each in one process while the other slots idle. Unknown, a large partition is spread over the
    /// slots (at least <see cref="BlindTestsPerUnit"/> tests a unit, within the per-partition cap); the next run plans
    /// with what this one measured.
    /// </summary>
    private static int BlindUnitCount(int testCount, ParallelismSettings parallelism, int slots) =>
        Math.Clamp(testCount / BlindTestsPerUnit, 1, UnitCap(testCount, parallelism, slots));

    /// <summary>The most units a partition may have: the per-partition cap, the slots and its test count, at least one.</summary>
    private static int UnitCap(int testCount, ParallelismSettings parallelism, int slots) =>
        Math.Max(1, Math.Min(Math.Max(1, parallelism.MaxUnitsPerPartition), Math.Min(slots, testCount)));

    private static (List<Partition> Kept, ShardSplit Split) KeepShard(string cadence, List<Partition> partitions, Shard shard, List<Exclusion> exclusions)
    {
        var units = partitions.SelectMany(partition => partition.Units)
            .OrderByDescending(unit => unit.ExpectedDuration)
            .ThenBy(unit => unit.Id, StringComparer.Ordinal)
            .ToList();
        var (shardOfUnit, _) = LongestProcessingTime.Assign([.. units.Select(unit => unit.ExpectedDuration)], shard.Count);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            if (shardOfUnit[i] == shard.Index - 1)
            {
                kept.Add(units[i].Id);
                continue;
            }
            var detail = $"unit {units[i].Id} runs in shard {(shardOfUnit[i] + 1).ToString(CultureInfo.InvariantCulture)}/{shard.Count.ToString(CultureInfo.InvariantCulture)}";
            exclusions.AddRange(units[i].Tests.Select(test => new Exclusion(test, ExclusionReason.OtherShard, detail)));
        }
        var split = ShardSplit.Of(cadence, [.. units.Select((unit, index) => (unit, shardOfUnit[index]))], shard);
        return ([.. partitions
            .Select(partition => partition with { Units = [.. partition.Units.Where(unit => kept.Contains(unit.Id))] })
            .Where(partition => partition.Units.Count > 0)], split);
    }

    /// <summary>The kept units without their reused tests (ids and shard unchanged); units left empty are dropped.</summary>
    private static List<Partition> WithoutReused(List<Partition> partitions, IReadOnlyDictionary<TestKey, string> reused, List<Exclusion> exclusions, IReadOnlyList<DiscoveredTest> tests)
    {
        if (reused.Count == 0)
        {
            return partitions;
        }
        var byKey = tests.ToDictionary(test => test.Key);
        ExecutionUnit? Trim(ExecutionUnit unit)
        {
            var left = unit.Tests.Where(test => !reused.ContainsKey(test)).ToList();
            exclusions.AddRange(unit.Tests.Where(reused.ContainsKey).Select(test => new Exclusion(test, ExclusionReason.Cached, reused[test])));
            if (left.Count == unit.Tests.Count)
            {
                return unit;
            }
            var leftSources = left.Select(test => byKey[test].SourcePath).ToHashSet(StringComparer.Ordinal);
            return left.Count == 0 ? null : unit with
            {
                Tests = left,
                Sources = [.. unit.Sources.Where(leftSources.Contains)],
                Filter = VsTestFilter.ForNames(left),
                ExpectedDuration = TimeSpan.FromTicks(unit.ExpectedDuration.Ticks * left.Count / unit.Tests.Count),
                ExpectedResults = left.Sum(test => byKey[test].CaseCount),
                CaseIds = [.. unit.CaseIds.Where(caseId => !reused.ContainsKey(caseId.Test))],
                Rows = [.. unit.Rows.Where(row => !reused.ContainsKey(row.Test))],
            };
        }
        return [.. partitions
            .Select(partition => partition with { Units = [.. partition.Units.Select(Trim).OfType<ExecutionUnit>()] })
            .Where(partition => partition.Units.Count > 0)];
    }
}
