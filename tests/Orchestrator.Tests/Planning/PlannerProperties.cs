using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Tests.Planning;

/// <summary>Invariants of the planner over random inventories, histories, limits and shard counts.</summary>
[Trait("Category", "Unit")]
public sealed class PlannerProperties
{
    private static readonly string[] _layers = ["unit", "integration", "e2e"];
    private static readonly string[] _resources = ["postgres", "redis", "rabbitmq"];

    [Property(MaxTest = 200)]
    public Property Every_selected_test_is_in_exactly_one_unit_and_every_other_is_excluded(TestSpec[] specs, PlanLimits limits, bool nightly)
    {
        var inventory = Build(specs);
        var plan = Planner.Plan(inventory, Config(limits), nightly ? "nightly" : "pr", History(specs));

        var inUnits = plan.Units.SelectMany(unit => unit.Tests).ToList();
        var distinctKeys = inventory.Tests.Select(test => test.Key).Distinct().ToList();
        var excluded = plan.Exclusions.Select(exclusion => exclusion.Test).ToList();
        return (inUnits.Count == inUnits.Distinct().Count()).Label("no test in two units")
            .And(inUnits.Concat(excluded).Order(TestKey.Ordinal).SequenceEqual(distinctKeys.Order(TestKey.Ordinal)))
            .Label("units and exclusions together are the inventory, each test once")
            .And(plan.Units.All(unit => unit.Tests.Count > 0)).Label("no empty unit")
            .And(plan.SelectedTestCount == inUnits.Count).Label("selected count");
    }

    [Property(MaxTest = 200)]
    public Property The_shards_partition_the_units(TestSpec[] specs, PlanLimits limits, PositiveInt shards)
    {
        var count = 1 + (shards.Get % 6);
        var inventory = Build(specs);
        var config = Config(limits);
        var whole = Planner.Plan(inventory, config, "nightly", History(specs));

        var sharded = Enumerable.Range(1, count)
            .SelectMany(index => Planner.Plan(inventory, config, "nightly", History(specs), new Shard(index, count)).Units)
            .ToList();

        var wholeUnits = whole.Units.Select(Describe).Order(StringComparer.Ordinal);
        return sharded.Select(Describe).Order(StringComparer.Ordinal).SequenceEqual(wholeUnits)
            .Label("every unit runs in exactly one shard, unchanged");
    }

    [Property(MaxTest = 200)]
    public Property The_same_input_gives_the_same_plan(TestSpec[] specs, PlanLimits limits)
    {
        var config = Config(limits);
        var first = Planner.Plan(Build(specs), config, "nightly", History(specs));
        var second = Planner.Plan(Build([.. specs.Reverse()]), config, "nightly", History(specs));

        return first.Units.Select(Describe).SequenceEqual(second.Units.Select(Describe)).Label("same units in the same order")
            .And(first.Exclusions.SequenceEqual(second.Exclusions)).Label("same exclusions")
            .And(first.Prediction == second.Prediction).Label("same prediction");
    }

    [Property(MaxTest = 200)]
    public Property The_prediction_is_between_the_lower_bound_and_four_thirds_of_it_plus_the_longest_unit(TestSpec[] specs, PlanLimits limits)
    {
        var plan = Planner.Plan(Build(specs), Config(limits), "nightly", History(specs));
        var prediction = plan.Prediction;
        var longest = plan.Units.Select(unit => unit.ExpectedDuration).DefaultIfEmpty().Max();

        return (prediction.Makespan >= prediction.LowerBound).Label("makespan >= lower bound")
            .And(prediction.Makespan <= prediction.TotalWork / prediction.Slots + longest + TimeSpan.FromTicks(1)).Label("list scheduling bound");
    }

    [Property(MaxTest = 200)]
    public Property A_unit_provides_every_resource_its_tests_need_and_holds_one_layer(TestSpec[] specs, PlanLimits limits)
    {
        // One test per key, so that what a test needs is not up to which duplicate the planner keeps.
        var inventory = new TestInventory([.. Build(specs).Tests.DistinctBy(test => test.Key)], []);
        var config = Config(limits);
        var plan = Planner.Plan(inventory, config, "nightly", History(specs));
        var byKey = inventory.Tests.ToDictionary(test => test.Key);

        return plan.Units.All(unit => unit.Tests.All(key => byKey[key].Resources.All(unit.Resources.Contains))).Label("resources provided")
            .And(plan.Units.All(unit => unit.Tests.All(key => byKey[key].Layer == unit.Layer))).Label("one layer per unit")
            .And(plan.Units.All(unit => unit.Tests.All(key => byKey[key].Resources.IsEmpty) == unit.Resources.IsEmpty))
            .Label("resource-free tests never wait for containers")
            .And(plan.Partitions.All(partition => partition.PackedSets.Count == 0 || partition.Resources.Count <= config.Parallelism.MaxContainers))
            .Label("a pack needs no more containers than may run at once");
    }

    private static string Describe(ExecutionUnit unit) =>
        $"{unit.Id}|{unit.Filter}|{unit.ExpectedDuration.Ticks}|{string.Join(',', unit.Tests)}|{string.Join(',', unit.Sources)}";

    private static OrchestratorConfiguration Config(PlanLimits limits) => new()
    {
        Cadences = new Dictionary<string, CadenceDefinition>
        {
            ["pr"] = new("pr", ["unit", "integration"], ["postgres", "redis"]),
            ["nightly"] = new("nightly", [.. _layers], [.. _resources]),
        }.ToImmutableDictionary(),
        Parallelism = new ParallelismSettings(
            1 + (limits.Slots % 8),
            8,
            TimeSpan.FromMilliseconds(50 + (limits.TargetMilliseconds % 5000)),
            1 + (limits.MaxUnits % 6))
        {
            MaxContainers = 1 + (limits.MaxContainers % 3),
            PackBelow = TimeSpan.FromMilliseconds(limits.PackMilliseconds % 3 == 0 ? 0 : limits.PackMilliseconds),
        },
    };

    private static TestInventory Build(IEnumerable<TestSpec> specs) =>
        new([.. specs.Select(spec =>
        {
            var resources = _resources.Where((_, bit) => (spec.ResourceMask & (1 << bit)) != 0).ToArray();
            var layer = _layers[spec.Layer % _layers.Length];
            var assembly = $"Suite{spec.Assembly % 3}.Tests";
            return Inventories.Test($"Suite.C{spec.Name % 7}.T{spec.Name}", layer, resources, assembly);
        })], []);

    private static TimingHistory History(IEnumerable<TestSpec> specs)
    {
        var durations = new Dictionary<TestKey, TimeSpan>();
        foreach (var spec in specs.Where(spec => spec.DurationMilliseconds % 4 != 0))
        {
            var key = Build([spec]).Tests[0].Key;
            durations.TryAdd(key, TimeSpan.FromMilliseconds(spec.DurationMilliseconds));
        }
        return TimingHistory.From(durations);
    }

    /// <summary>A generated test: layer, resources as a bit mask, assembly and name picks, and a duration (a quarter have none).</summary>
    public readonly record struct TestSpec(byte Layer, byte ResourceMask, byte Assembly, ushort Name, ushort DurationMilliseconds);

    public readonly record struct PlanLimits(byte Slots, ushort TargetMilliseconds, byte MaxUnits, byte MaxContainers, ushort PackMilliseconds);
}
