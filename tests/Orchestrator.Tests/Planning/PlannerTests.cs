using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;
using static Orchestrator.Tests.Planning.Inventories;

namespace Orchestrator.Tests.Planning;

[Trait("Category", "Unit")]
public sealed class PlannerTests
{
    private static readonly OrchestratorConfiguration _config = new()
    {
        Cadences = new Dictionary<string, CadenceDefinition>
        {
            ["commit"] = new("commit", ["unit", "integration"], []),
            ["pr"] = new("pr", ["unit", "integration"], ["postgres", "redis"]),
            ["nightly"] = new("nightly", ["unit", "integration", "e2e"], ["postgres", "redis"]),
        }.ToImmutableDictionary(),
        Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromSeconds(1), 4) { PackBelow = TimeSpan.Zero },
    };

    [Fact]
    public void Tests_outside_the_cadence_are_excluded_with_the_reason()
    {
        var inventory = Of(
            Test("A.Unit"),
            Test("A.Db", "integration", ["postgres"]),
            Test("A.Browser", "e2e"));

        var plan = Planner.Plan(inventory, _config, "commit", TimingHistory.Empty);

        Assert.Equal(["A.Unit"], plan.Units.SelectMany(unit => unit.Tests).Select(test => test.FullyQualifiedName));
        var reasons = plan.Exclusions.ToDictionary(exclusion => exclusion.Test.FullyQualifiedName, exclusion => exclusion.Reason);
        Assert.Equal(ExclusionReason.LayerNotInCadence, reasons["A.Browser"]);
        Assert.Equal(ExclusionReason.ResourceNotAllowed, reasons["A.Db"]);
        Assert.Contains("postgres", plan.Exclusions.Single(exclusion => exclusion.Test.FullyQualifiedName == "A.Db").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Tests_are_grouped_by_layer_and_resource_set()
    {
        var inventory = Of(
            Test("A.One", "integration", ["redis", "postgres"]),
            Test("A.Two", "integration", ["postgres", "redis"]),
            Test("A.Three", "integration", ["postgres"]),
            Test("A.Four"));

        var plan = Planner.Plan(inventory, _config, "pr", TimingHistory.Empty);

        Assert.Equal(
            ["integration-postgres", "integration-postgres+redis", "unit-none"],
            plan.Partitions.Select(partition => partition.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, plan.Partitions.Single(partition => partition.Id == "integration-postgres+redis").TestCount);
    }

    [Fact]
    public void A_unit_expects_one_result_per_theory_row()
    {
        var inventory = Of(
            Test("A.Theory") with { CaseCount = 3 },
            Test("A.Fact"));

        var plan = Planner.Plan(inventory, _config, "commit", TimingHistory.Empty);

        var partition = plan.Partitions.Single();
        Assert.Equal(2, partition.TestCount);
        Assert.Equal(4, partition.ExpectedResults);
    }

    [Fact]
    public void A_large_partition_is_split_into_units_balanced_by_history()
    {
        var tests = Enumerable.Range(0, 8).Select(i => Test($"A.T{i}")).ToArray();
        var history = TimingHistory.From(new Dictionary<TestKey, TimeSpan>
        {
            [tests[0].Key] = TimeSpan.FromSeconds(4),
            [tests[1].Key] = TimeSpan.FromSeconds(3),
            [tests[2].Key] = TimeSpan.FromSeconds(3),
            [tests[3].Key] = TimeSpan.FromSeconds(2),
            [tests[4].Key] = TimeSpan.FromSeconds(2),
            [tests[5].Key] = TimeSpan.FromSeconds(1),
            [tests[6].Key] = TimeSpan.FromSeconds(1),
            [tests[7].Key] = TimeSpan.FromSeconds(0),
        });
        var config = _config with { Parallelism = new ParallelismSettings(8, 8, TimeSpan.FromSeconds(8), 8) { PackBelow = TimeSpan.Zero } };

        var plan = Planner.Plan(Of(tests), config, "commit", history);

        var units = plan.Partitions.Single().Units;
        Assert.Equal(2, units.Count);
        Assert.All(units, unit => Assert.Equal(TimeSpan.FromSeconds(8), unit.ExpectedDuration));
        Assert.Equal(["unit-none#1", "unit-none#2"], units.Select(unit => unit.Id));
    }

    [Theory]
    [InlineData(49, 1)]
    [InlineData(100, 2)]
    [InlineData(160, 3)]
    [InlineData(1000, 4)]
    public void A_partition_the_history_knows_nothing_of_is_spread_over_the_slots_when_it_is_large(int testCount, int expectedUnits)
    {
        var tests = Enumerable.Range(0, testCount).Select(i => Test($"A.T{i:D4}")).ToArray();
        var config = _config with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromMinutes(5), 8) { PackBelow = TimeSpan.Zero } };

        var plan = Planner.Plan(Of(tests), config, "commit", TimingHistory.Empty);

        var units = plan.Partitions.Single().Units;
        Assert.Equal(expectedUnits, units.Count);
        Assert.Equal(testCount, units.Sum(unit => unit.Tests.Count));
        Assert.All(units, unit => Assert.InRange(unit.Tests.Count, testCount / expectedUnits - 1, testCount / expectedUnits + 1));
    }

    [Fact]
    public void A_partition_whose_resource_allows_one_unit_at_a_time_is_not_split_while_others_still_are()
    {
        var tests = Enumerable.Range(0, 400).Select(i => Test($"A.Redis{i:D4}", "integration", ["redis"]))
            .Concat(Enumerable.Range(0, 400).Select(i => Test($"A.Db{i:D4}", "integration", ["postgres"])))
            .ToArray();
        var config = _config with
        {
            Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromMinutes(5), 8) { PackBelow = TimeSpan.Zero },
            Resources = ImmutableDictionary<string, ResourceDefinition>.Empty
                .Add("redis", new ResourceDefinition { Name = "redis", Kind = ResourceKind.Redis, Concurrency = 1 })
                .Add("postgres", new ResourceDefinition { Name = "postgres", Kind = ResourceKind.Postgres }),
        };

        var plan = Planner.Plan(Of(tests), config, "pr", TimingHistory.Empty);

        Assert.Single(plan.Partitions.Single(partition => partition.Id == "integration-redis").Units);
        Assert.Equal(4, plan.Partitions.Single(partition => partition.Id == "integration-postgres").Units.Count);
    }

    [Fact]
    public void Once_any_test_of_a_partition_has_run_its_recorded_duration_decides_the_split()
    {
        var tests = Enumerable.Range(0, 200).Select(i => Test($"A.T{i:D4}")).ToArray();
        var history = TimingHistory.From(new Dictionary<TestKey, TimeSpan> { [tests[0].Key] = TimeSpan.FromMilliseconds(10) });
        var config = _config with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromMinutes(5), 8) { PackBelow = TimeSpan.Zero } };

        var plan = Planner.Plan(Of(tests), config, "commit", history);

        Assert.Single(plan.Partitions.Single().Units);
    }

    [Fact]
    public void A_measured_start_up_of_a_partitions_assembly_is_knowledge_enough_for_the_model_to_decide()
    {
        var tests = Enumerable.Range(0, 200).Select(i => Test($"A.T{i:D4}")).ToArray();
        var history = TimingHistory.From(new Dictionary<TestKey, TimeSpan>(), new Dictionary<string, TimeSpan> { [tests[0].Key.Assembly] = TimeSpan.FromSeconds(30) });
        var config = _config with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromSeconds(1), 8) { PackBelow = TimeSpan.Zero } };

        var plan = Planner.Plan(Of(tests), config, "commit", history);

        Assert.Single(plan.Partitions.Single().Units);
    }

    [Fact]
    public void Unknown_tests_are_estimated_as_the_mean_of_known_ones()
    {
        var known = Test("A.Known");
        var unknown = Test("A.Unknown");
        var history = TimingHistory.From(new Dictionary<TestKey, TimeSpan> { [known.Key] = TimeSpan.FromSeconds(3) });
        var config = _config with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromMinutes(1), 4) { PackBelow = TimeSpan.Zero } };

        var plan = Planner.Plan(Of(known, unknown), config, "commit", history);

        Assert.Equal(TimeSpan.FromSeconds(6), plan.Partitions.Single().ExpectedDuration);
        Assert.Equal(TimingHistory.DefaultEstimate, TimingHistory.Empty.Estimate(unknown.Key));
    }

    [Fact]
    public void A_whole_partition_in_one_unit_is_selected_by_its_traits()
    {
        var inventory = Of(
            Test("A.Db", "integration", ["postgres"]),
            Test("A.DbAndCache", "integration", ["postgres", "redis"]),
            Test("A.Plain", "integration"));
        var config = _config with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromMinutes(1), 4) { PackBelow = TimeSpan.Zero } };

        var plan = Planner.Plan(inventory, config, "pr", TimingHistory.Empty);

        var filters = plan.Units.ToDictionary(unit => unit.PartitionId, unit => unit.Filter);
        Assert.Equal("Category=Integration&Resource=postgres&Resource!=redis", filters["integration-postgres"]);
        Assert.Equal("Category=Integration&Resource!=postgres&Resource!=redis", filters["integration-none"]);
        Assert.Equal("Category=Integration&Resource=postgres&Resource=redis", filters["integration-postgres+redis"]);
    }

    [Fact]
    public void A_unit_that_traits_cannot_tell_apart_gets_an_escaped_name_list()
    {
        var tests = new[] { Test("A.Outer+Inner.Adds(x)"), Test("A.Not!Equal=1"), Test("A.Back\\slash|or&and~") };
        // One-second tests would not pay for a start-up of their own: the split under test is the one durations alone call for.
        var history = WithStartUp(tests.ToDictionary(test => test.Key, _ => TimeSpan.FromSeconds(1)), TimeSpan.Zero);

        var plan = Planner.Plan(Of(tests), _config, "commit", history);

        var units = plan.Partitions.Single().Units;
        Assert.Equal(3, units.Count);
        Assert.Contains(units, unit => unit.Filter == @"FullyQualifiedName=A.Outer+Inner.Adds\(x\)");
        Assert.Contains(units, unit => unit.Filter == @"FullyQualifiedName=A.Not\!Equal\=1");
        Assert.Contains(units, unit => unit.Filter == @"FullyQualifiedName=A.Back\\slash\|or\&and\~");
    }

    [Fact]
    public void Trait_values_spelt_differently_within_a_unit_fall_back_to_names_and_every_spelling_is_excluded()
    {
        var lower = Test("A.Lower", "integration") with { Traits = [new TestTrait("Category", "integration")] };
        var upper = Test("A.Upper", "integration");
        var cached = Test("A.Cached", "integration", ["redis"]) with
        {
            Traits = [new TestTrait("Category", "Integration"), new TestTrait("Resource", "Redis")],
        };
        var config = _config with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromMinutes(1), 4) { PackBelow = TimeSpan.Zero } };

        var mixed = Planner.Plan(Of(lower, upper, cached), config, "pr", TimingHistory.Empty);
        var uniform = Planner.Plan(Of(upper, cached, Test("A.Other", "integration", ["redis"])), config, "pr", TimingHistory.Empty);

        Assert.Equal("FullyQualifiedName=A.Lower|FullyQualifiedName=A.Upper", mixed.Units.Single(unit => unit.PartitionId == "integration-none").Filter);
        Assert.Equal("Category=Integration&Resource!=Redis&Resource!=redis", uniform.Units.Single(unit => unit.PartitionId == "integration-none").Filter);
    }

    [Fact]
    public void A_test_whose_resources_come_from_its_project_is_selected_by_name()
    {
        var declared = Test("A.Declared", "integration") with { Resources = ResourceSet.Of("postgres"), ResourcesOrigin = TraitOrigin.Project };
        var inventory = Of(declared, Test("A.Plain", "integration"));
        var config = _config with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromMinutes(1), 4) { PackBelow = TimeSpan.Zero } };

        var plan = Planner.Plan(inventory, config, "pr", TimingHistory.Empty);

        Assert.Equal("FullyQualifiedName=A.Declared", plan.Units.Single(unit => unit.PartitionId == "integration-postgres").Filter);
        Assert.Equal("FullyQualifiedName=A.Plain", plan.Units.Single(unit => unit.PartitionId == "integration-none").Filter);
    }

    [Fact]
    public void Shards_split_the_units_and_report_the_rest_as_other_shard()
    {
        var tests = Enumerable.Range(0, 8).Select(i => Test($"A.T{i}", i % 2 == 0 ? "unit" : "integration")).ToArray();
        // One-second tests would not pay for a start-up of their own: the split under test is the one durations alone call for.
        var history = WithStartUp(tests.ToDictionary(test => test.Key, _ => TimeSpan.FromSeconds(1)), TimeSpan.Zero);

        var first = Planner.Plan(Of(tests), _config, "commit", history, new Shard(1, 2));
        var second = Planner.Plan(Of(tests), _config, "commit", history, new Shard(2, 2));

        var firstUnits = first.Units.Select(unit => unit.Id).ToHashSet();
        var secondUnits = second.Units.Select(unit => unit.Id).ToHashSet();
        Assert.Empty(firstUnits.Intersect(secondUnits));
        Assert.Equal(8, firstUnits.Count + secondUnits.Count);
        Assert.Equal(8, first.SelectedTestCount + first.Exclusions.Count(exclusion => exclusion.Reason == ExclusionReason.OtherShard));
        Assert.Equal(first.Prediction.TotalWork, second.Prediction.TotalWork);
    }

    [Fact]
    public void The_prediction_places_units_longest_first_and_states_the_lower_bound()
    {
        var units = new List<int> { 5, 4, 3, 3, 3 }.Select(seconds => Unit(TimeSpan.FromSeconds(seconds))).ToList();

        var prediction = Planner.Predict(units, slots: 2);

        Assert.Equal(TimeSpan.FromSeconds(10), prediction.Makespan);
        Assert.Equal(TimeSpan.FromSeconds(9), prediction.LowerBound);
        Assert.Equal(TimeSpan.FromSeconds(18), prediction.TotalWork);
    }

    [Fact]
    public void The_lower_bound_is_the_longest_unit_when_it_dominates()
    {
        var prediction = Planner.Predict([Unit(TimeSpan.FromSeconds(10)), Unit(TimeSpan.FromSeconds(1))], slots: 4);

        Assert.Equal(TimeSpan.FromSeconds(10), prediction.LowerBound);
        Assert.Equal(TimeSpan.FromSeconds(10), prediction.Makespan);
    }

    [Fact]
    public void An_unknown_cadence_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Planner.Plan(TestInventory.Empty, _config, "weekly", TimingHistory.Empty));

        Assert.Contains("commit, nightly, pr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_shard_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Planner.Plan(TestInventory.Empty, _config, "commit", TimingHistory.Empty, new Shard(3, 2)));
    }

    [Fact]
    public void Quarantined_tests_still_run()
    {
        var config = _config with
        {
            Cadences = _config.Cadences.SetItem("commit", new CadenceDefinition("commit", ["unit"], [], Quarantine: ["A.Flaky*"])),
        };

        var plan = Planner.Plan(Of(Test("A.FlakyOne"), Test("A.Solid")), config, "commit", TimingHistory.Empty);

        Assert.Equal(2, plan.SelectedTestCount);
        Assert.True(Quarantine.IsQuarantined(config.Cadences["commit"], new TestKey("App.Tests", "A.FlakyOne")));
        Assert.False(Quarantine.IsQuarantined(config.Cadences["commit"], new TestKey("App.Tests", "A.Solid")));
    }

    [Theory]
    [InlineData("plain.Name", "plain.Name")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("f(x)&g|h=i!j~k", @"f\(x\)\&g\|h\=i\!j\~k")]
    public void Filter_values_escape_every_character_the_grammar_reserves(string value, string expected)
    {
        Assert.Equal(expected, VsTestFilter.Escape(value));
    }

    private static ExecutionUnit Unit(TimeSpan duration) =>
        new($"u{duration.Ticks}", "p", "unit", ResourceSet.None, [], [], "", duration);
}
