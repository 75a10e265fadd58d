using System.Collections.Immutable;
using System.Text.Json;
using Orchestrator.Cli.Plan;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Spectre.Console;
using Xunit;

namespace Orchestrator.Cli.Tests.Planning;

[Trait("Category", "Unit")]
public sealed class PlanViewTests
{
    private static readonly OrchestratorConfiguration _config = new()
    {
        Cadences = new Dictionary<string, CadenceDefinition>
        {
            ["pr"] = new("pr", ["unit", "integration"], ["postgres", "docker"]),
        }.ToImmutableDictionary(),
        Resources = new Dictionary<string, ResourceDefinition>
        {
            ["postgres"] = new() { Name = "postgres", Kind = ResourceKind.Postgres, Image = "pg" },
            ["docker"] = new() { Name = "docker", Kind = ResourceKind.External },
        }.ToImmutableDictionary(),
    };

    private static readonly TestPlan _plan = Planner.Plan(
        new TestInventory(
        [
            Test("A.Unit", "unit"),
            Test("A.Db", "integration", "postgres", "docker"),
            Test("A.Browser", "e2e"),
            Test("A.Cache", "integration", "redis"),
        ], []),
        _config,
        "pr",
        TimingHistory.Empty);

    [Fact]
    public void A_dedicated_resource_counts_one_container_for_each_unit_of_the_partition_as_the_run_starts_them()
    {
        var config = _config with
        {
            Resources = _config.Resources.SetItem("postgres", _config.Resources["postgres"] with { Isolation = IsolationSettings.Dedicated }),
            Parallelism = _config.Parallelism with { MaxParallelUnits = 2 },
        };
        var plan = Planner.Plan(
            new TestInventory([.. Enumerable.Range(0, 120).Select(i => Test($"A.Db{i:000}", "integration", "postgres"))], []),
            config,
            "pr",
            TimingHistory.Empty);

        using var document = JsonDocument.Parse(PlanView.ToJson(plan, config));

        var partition = Assert.Single(document.RootElement.GetProperty("partitions").EnumerateArray());
        var units = partition.GetProperty("units").GetArrayLength();
        Assert.True(units >= 2, $"the partition should be split, got {units} unit(s)");
        Assert.Equal(units, partition.GetProperty("containersNeeded").GetInt32());
    }

    [Fact]
    public void The_table_shows_partitions_exclusions_by_reason_and_the_prediction()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;

        PlanView.Render(_plan, _config, console);

        var text = output.ToString();
        Assert.Contains("integration-docker+postgres", text, StringComparison.Ordinal);
        Assert.Contains("unit-none", text, StringComparison.Ordinal);
        Assert.Contains("layer not in cadence", text, StringComparison.Ordinal);
        Assert.Contains("resource not allowed", text, StringComparison.Ordinal);
        Assert.Contains("Predicted makespan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_carries_units_filters_exclusions_and_containers()
    {
        using var json = JsonDocument.Parse(PlanView.ToJson(_plan, _config));
        var root = json.RootElement;

        Assert.Equal("pr", root.GetProperty("cadence").GetString());
        Assert.Equal(2, root.GetProperty("selectedTests").GetInt32());
        var partition = root.GetProperty("partitions").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "integration-docker+postgres");
        Assert.Equal(1, partition.GetProperty("containersNeeded").GetInt32());
        Assert.Equal("App.Tests:A.Db", partition.GetProperty("units")[0].GetProperty("tests")[0].GetString());
        Assert.Equal(1, root.GetProperty("exclusionCounts").GetProperty("LayerNotInCadence").GetInt32());
        Assert.Equal(1, root.GetProperty("exclusionCounts").GetProperty("ResourceNotAllowed").GetInt32());
    }

    private static DiscoveredTest Test(string name, string layer, params string[] resources) => new(
        new TestKey("App.Tests", name),
        name,
        "/repo/App.Tests.dll",
        null,
        layer,
        ResourceSet.Of(resources),
        [new TestTrait("Category", layer), .. resources.Select(resource => new TestTrait("Resource", resource))],
        TraitOrigin.Trait,
        TraitOrigin.Trait);
}
