using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;
using static Orchestrator.Tests.Planning.Inventories;

namespace Orchestrator.Tests.Planning;

/// <summary>The plan starts a process only where it pays for its start-up: fewer splits of short partitions, packs of tiny ones.</summary>
[Trait("Category", "Unit")]
public sealed class StartUpPlanningTests
{
    private static readonly OrchestratorConfiguration _config = new()
    {
        Cadences = new Dictionary<string, CadenceDefinition>
        {
            ["pr"] = new("pr", ["unit", "integration"], ["postgres", "redis"]),
        }.ToImmutableDictionary(),
        Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromSeconds(30), 4) { PackBelow = TimeSpan.FromSeconds(10) },
    };

    [Theory]
    [InlineData(3.0, 1)]
    [InlineData(0.0, 4)]
    public void Short_tests_stay_in_one_process_when_a_split_would_cost_more_start_up_than_it_saves(double startUpSeconds, int expectedUnits)
    {
        // A target of 0.1 s alone would cut the 0.5 s of tests into as many units as there are slots.
        var config = _config with { Parallelism = _config.Parallelism with { TargetUnitDuration = TimeSpan.FromSeconds(0.1) } };
        var tests = Enumerable.Range(0, 10).Select(i => Test($"A.T{i}")).ToArray();

        var plan = Planner.Plan(Of(tests), config, "pr", History(tests, TimeSpan.FromMilliseconds(50), startUpSeconds));

        Assert.Equal(expectedUnits, Assert.Single(plan.Partitions).Units.Count);
        Assert.Equal(10, plan.SelectedTestCount);
    }

    [Theory]
    [InlineData(3.0, 4)]
    [InlineData(10.0, 3)]
    public void Long_tests_are_split_while_each_further_unit_saves_more_than_its_start_up(double startUpSeconds, int expectedUnits)
    {
        // 80 s of tests, target 20 s: four units wanted. Going from 3 to 4 saves 80/3 - 80/4 = 6.7 s.
        var config = _config with { Parallelism = _config.Parallelism with { TargetUnitDuration = TimeSpan.FromSeconds(20) } };
        var tests = Enumerable.Range(0, 4).Select(i => Test($"A.T{i}")).ToArray();

        var plan = Planner.Plan(Of(tests), config, "pr", History(tests, TimeSpan.FromSeconds(20), startUpSeconds));

        Assert.Equal(expectedUnits, Assert.Single(plan.Partitions).Units.Count);
    }

    [Theory]
    [InlineData(0.5, 3.0, true)]
    [InlineData(5.0, 3.0, false)]
    [InlineData(0.5, 0.2, false)]
    public void Tiny_resource_sets_are_packed_only_when_their_start_up_outweighs_their_tests(double testSeconds, double startUpSeconds, bool packed)
    {
        var tests = new[] { Test("A.Db", "integration", ["postgres"]), Test("A.Cache", "integration", ["redis"]) };

        var plan = Planner.Plan(Of(tests), _config, "pr", History(tests, TimeSpan.FromSeconds(testSeconds), startUpSeconds));

        Assert.Equal(
            packed ? ["integration-packed-postgres+redis"] : ["integration-postgres", "integration-redis"],
            plan.Partitions.Select(partition => partition.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Named_partitions_stay_apart_however_much_their_start_up_outweighs_their_tests()
    {
        var tests = new[]
        {
            Test("A.Db", "integration", ["postgres"]) with { Partition = "ledger" },
            Test("A.Cache", "integration", ["redis"]) with { Partition = "sessions" },
        };

        var plan = Planner.Plan(Of(tests), _config, "pr", History(tests, TimeSpan.FromMilliseconds(10), 60));

        Assert.Equal(
            ["integration-postgres-ledger", "integration-redis-sessions"],
            plan.Partitions.Select(partition => partition.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_pack_of_both_platforms_still_runs_each_platform_in_a_process_of_its_own()
    {
        var tests = new[]
        {
            Test("A.Db", "integration", ["postgres"]),
            Test("B.Cache", "integration", ["redis"], assembly: "Platform.Tests") with { Runner = TestRunnerKind.MicrosoftTestingPlatform },
        };

        var plan = Planner.Plan(Of(tests), _config, "pr", History(tests, TimeSpan.FromMilliseconds(100), 3));

        var partition = Assert.Single(plan.Partitions);
        Assert.Equal("integration-packed-postgres+redis", partition.Id);
        Assert.Equal(
            [(TestRunnerKind.VSTest, "A.Db"), (TestRunnerKind.MicrosoftTestingPlatform, "B.Cache")],
            partition.Units.Select(unit => (unit.Runner, Assert.Single(unit.Tests).FullyQualifiedName)).OrderBy(pair => pair.Runner));
    }

    private static TimingHistory History(IEnumerable<DiscoveredTest> tests, TimeSpan each, double startUpSeconds) =>
        WithStartUp(tests.ToDictionary(test => test.Key, _ => each), TimeSpan.FromSeconds(startUpSeconds));
}
