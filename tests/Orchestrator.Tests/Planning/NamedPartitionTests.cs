using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Tests.Planning;

/// <summary>A rule can split one resource's tests into partitions of their own, each isolated like any partition.</summary>
[Trait("Category", "Unit")]
public sealed class NamedPartitionTests
{
    private static readonly OrchestratorConfiguration _config = new()
    {
        Resources = ImmutableDictionary<string, ResourceDefinition>.Empty
            .Add("postgres", new ResourceDefinition { Name = "postgres", Kind = ResourceKind.Postgres })
            .Add("redis", new ResourceDefinition { Name = "redis", Kind = ResourceKind.Redis }),
        Cadences = new Dictionary<string, CadenceDefinition>
        {
            ["pr"] = new("pr", ["unit", "integration"], ["postgres", "redis"]),
        }.ToImmutableDictionary(),
        Rules =
        [
            new TestRule { Class = "Ledger.Reports*", Layer = "integration", Resources = ["postgres"], Partition = "reports" },
            new TestRule { Assembly = "Ledger.Tests", Layer = "integration", Resources = ["postgres"] },
        ],
        // Packing on: a named partition stays apart all the same.
        Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromSeconds(30), 4) { PackBelow = TimeSpan.FromSeconds(10) },
    };

    private static TestInventory Classify(params string[] names) =>
        new TestClassifier(_config).Classify([new AssemblyCases(
            "/bin/Ledger.Tests.dll",
            null,
            [.. names.Select(name => new DiscoveredCase(name, name, "/bin/Ledger.Tests.dll", [], []))])]);

    [Fact]
    public void Tests_a_rule_names_a_partition_for_form_it_apart_from_the_rest_of_their_layer_and_resources()
    {
        var inventory = Classify("Ledger.ReportsTests.Totals", "Ledger.ReportsTests.Statement", "Ledger.AccountTests.Opens");

        var plan = Planner.Plan(inventory, _config, "pr", TimingHistory.Empty);

        Assert.Equal(
            [("integration-postgres", 1), ("integration-postgres-reports", 2)],
            plan.Partitions.Select(partition => (partition.Id, partition.TestCount)).OrderBy(pair => pair.Id, StringComparer.Ordinal));
        Assert.All(plan.Partitions, partition => Assert.Equal(ResourceSet.Of("postgres"), partition.Resources));
        Assert.Equal("reports", inventory.Tests.Single(test => test.Key.FullyQualifiedName == "Ledger.ReportsTests.Totals").Partition);
    }

    [Fact]
    public void A_partition_name_that_is_no_name_is_a_configuration_error()
    {
        var exception = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(
            """{ "rules": [ { "class": "*Reports*", "partition": "Reports Slow" } ] }""", "/repo/orchestrator.json"));

        Assert.Contains(exception.Errors, error => error.Path == "$.rules[0].partition" && error.Message.Contains("'Reports Slow' is not a valid partition name", StringComparison.Ordinal));
    }
}
