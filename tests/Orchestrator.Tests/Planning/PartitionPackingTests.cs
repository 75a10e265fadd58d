using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;
using static Orchestrator.Tests.Planning.Inventories;

namespace Orchestrator.Tests.Planning;

[Trait("Category", "Unit")]
public sealed class PartitionPackingTests
{
    private static readonly OrchestratorConfiguration _config = new()
    {
        Cadences = new Dictionary<string, CadenceDefinition>
        {
            ["pr"] = new("pr", ["unit", "integration"], ["postgres", "redis", "rabbitmq"]),
        }.ToImmutableDictionary(),
        Parallelism = new ParallelismSettings(2, 8, TimeSpan.FromSeconds(30), 4) { PackBelow = TimeSpan.FromSeconds(10) },
    };

    [Fact]
    public void Small_resource_sets_of_a_layer_share_one_partition_with_the_union_of_their_resources()
    {
        var inventory = Of(
            Test("A.Db", "integration", ["postgres"]),
            Test("A.Cache", "integration", ["redis"]),
            Test("A.Both", "integration", ["postgres", "redis"]));

        var plan = Planner.Plan(inventory, _config, "pr", Durations(("A.Db", 2), ("A.Cache", 1), ("A.Both", 3)));

        var partition = Assert.Single(plan.Partitions);
        Assert.Equal("integration-packed-postgres+redis", partition.Id);
        Assert.Equal(ResourceSet.Of("postgres", "redis"), partition.Resources);
        Assert.Equal(["postgres", "postgres+redis", "redis"], partition.PackedSets.Select(set => set.ToString()));
        var unit = Assert.Single(partition.Units);
        Assert.Equal(["A.Both", "A.Cache", "A.Db"], unit.Tests.Select(test => test.FullyQualifiedName));
        // A trait expression would select one resource set only; the packed unit names its tests.
        Assert.Equal(VsTestFilter.ForNames(unit.Tests), unit.Filter);
    }

    [Fact]
    public void Resource_free_tests_and_other_layers_are_never_packed_with_them()
    {
        var inventory = Of(
            Test("A.Pure", "integration"),
            Test("A.Logic"),
            Test("A.Db", "integration", ["postgres"]),
            Test("A.Cache", "integration", ["redis"]),
            Test("A.UnitDb", "unit", ["postgres"]));

        var plan = Planner.Plan(inventory, _config, "pr", TimingHistory.Empty);

        Assert.Equal(
            ["integration-none", "integration-packed-postgres+redis", "unit-none", "unit-postgres"],
            plan.Partitions.Select(partition => partition.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_resource_set_expected_to_take_the_threshold_or_longer_keeps_its_own_partition()
    {
        var inventory = Of(
            Test("A.Db", "integration", ["postgres"]),
            Test("A.Cache", "integration", ["redis"]),
            Test("A.Queue", "integration", ["rabbitmq"]));

        var plan = Planner.Plan(inventory, _config, "pr", Durations(("A.Db", 10), ("A.Cache", 1), ("A.Queue", 2)));

        Assert.Equal(
            ["integration-packed-rabbitmq+redis", "integration-postgres"],
            plan.Partitions.Select(partition => partition.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_zero_threshold_keeps_every_resource_set_apart()
    {
        var config = _config with { Parallelism = _config.Parallelism with { PackBelow = TimeSpan.Zero } };
        var inventory = Of(Test("A.Db", "integration", ["postgres"]), Test("A.Cache", "integration", ["redis"]));

        var plan = Planner.Plan(inventory, config, "pr", TimingHistory.Empty);

        Assert.Equal(["integration-postgres", "integration-redis"], plan.Partitions.Select(partition => partition.Id).Order(StringComparer.Ordinal));
        Assert.All(plan.Partitions, partition => Assert.Empty(partition.PackedSets));
    }

    [Fact]
    public void A_pack_holds_no_more_containers_than_may_run_at_once_nor_more_work_than_a_unit_should()
    {
        var config = _config with { Parallelism = _config.Parallelism with { MaxContainers = 2, TargetUnitDuration = TimeSpan.FromSeconds(12) } };
        var inventory = Of(
            Test("A.Db", "integration", ["postgres"]),
            Test("A.Cache", "integration", ["redis"]),
            Test("A.Queue", "integration", ["rabbitmq"]),
            Test("A.DbQueue", "integration", ["postgres", "rabbitmq"]));

        var plan = Planner.Plan(inventory, config, "pr", Durations(("A.Db", 9), ("A.Cache", 1), ("A.Queue", 2), ("A.DbQueue", 8)));

        // Largest first: postgres (9) opens a pack; postgres+rabbitmq (8) would take it past 12 s and opens another;
        // rabbitmq (2) joins postgres; redis would make either pack need three containers, so it stays alone.
        Assert.Equal(
            ["integration-packed-postgres+rabbitmq", "integration-postgres+rabbitmq", "integration-redis"],
            plan.Partitions.Select(partition => partition.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["postgres", "rabbitmq"], plan.Partitions.Single(partition => partition.PackedSets.Count > 0).PackedSets.Select(set => set.ToString()));
        Assert.All(plan.Partitions, partition => Assert.True(partition.Resources.Count <= 2, partition.Id));
        Assert.All(plan.Partitions, partition => Assert.True(partition.ExpectedDuration <= TimeSpan.FromSeconds(12), partition.Id));
    }

    [Fact]
    public void Two_packs_with_the_same_resources_get_distinct_ids()
    {
        string[][] sets = [["postgres"], ["postgres", "rabbitmq"], ["postgres", "rabbitmq", "redis"], ["postgres", "redis"], ["rabbitmq"], ["rabbitmq", "redis"], ["redis"]];
        var inventory = Of([.. sets.Select(set => Test("A." + string.Join("", set), "integration", set))]);

        // Seven sets of 9.5 s each; three fit the 30 s a unit should take, twice over, and the last stays alone.
        var plan = Planner.Plan(inventory, _config, "pr", Durations([.. sets.Select(set => ("A." + string.Join("", set), 9.5))]));

        Assert.Equal(
            ["integration-packed-postgres+rabbitmq+redis", "integration-packed-postgres+rabbitmq+redis-2", "integration-redis"],
            plan.Partitions.Select(partition => partition.Id).Order(StringComparer.Ordinal));
        Assert.Equal(7, plan.SelectedTestCount);
    }

    /// <summary>Durations of App.Tests, whose process start-up (a minute) outweighs any of them: the threshold alone decides.</summary>
    private static TimingHistory Durations(params (string Name, double Seconds)[] durations) =>
        WithStartUp(durations.ToDictionary(item => new TestKey("App.Tests", item.Name), item => TimeSpan.FromSeconds(item.Seconds)), TimeSpan.FromMinutes(1));
}
