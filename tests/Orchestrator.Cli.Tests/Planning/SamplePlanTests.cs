using System.Text.Json;
using Orchestrator.Cli.Tests.Adoption;
using Orchestrator.Cli.Tests.Reporting;
using Xunit;

namespace Orchestrator.Cli.Tests.Planning;

/// <summary>
/// The repository's own orchestrator.json planned over the Shop sample as built: what each cadence runs,
/// which containers it needs and what it leaves out. Planned in a workspace of its own that holds the
/// configuration and the Shop manifests only, so neither the repository's other tests nor its state are touched.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SamplePlanTests : IDisposable
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private readonly string _workspace = Directory.CreateTempSubdirectory("orchestrator-sample-plan-").FullName;

    public SamplePlanTests()
    {
        var repository = RepositoryPaths.Root();
        File.Copy(Path.Combine(repository, "orchestrator.json"), Path.Combine(_workspace, "orchestrator.json"));
        var manifests = Path.Combine(_workspace, "artifacts", "orchestrator", "manifests");
        Directory.CreateDirectory(manifests);
        var built = Directory.GetFiles(Path.Combine(repository, "artifacts", "orchestrator", "manifests"), "Shop.*.json");
        Assert.True(built.Length == 4, $"expected the manifests of the four Shop test projects, found {built.Length}: build the solution first");
        foreach (var manifest in built)
        {
            File.Copy(manifest, Path.Combine(manifests, Path.GetFileName(manifest)));
        }
        RepositoryDiscoveryCache.CopyInto(_workspace);
    }

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public async Task Commit_runs_the_unit_layer_and_needs_no_container()
    {
        var plan = await PlanAsync("commit");

        Assert.All(plan.Partitions, partition => Assert.Empty(partition.Resources));
        Assert.Equal(["unit"], plan.Partitions.Select(partition => partition.Layer).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(0, plan.Partitions.Sum(partition => partition.ContainersNeeded));
        Assert.True(plan.ExclusionCounts.GetValueOrDefault("LayerNotInCadence") > 0, "the integration tests and end-to-end flows are left out, with that reason");
    }

    [Fact]
    public async Task Pr_adds_the_integration_layer_on_fakes_and_on_real_services_and_leaves_only_the_end_to_end_flows_out()
    {
        var commit = await PlanAsync("commit");
        var pr = await PlanAsync("pr");

        Assert.Equal(["postgres", "rabbitmq", "redis"], pr.Partitions.SelectMany(partition => partition.Resources).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(pr.Partitions, partition => partition.Layer == "integration" && partition.Resources.Count == 0);
        Assert.DoesNotContain(pr.Partitions, partition => partition.Layer == "e2e");
        Assert.True(pr.SelectedTests > commit.SelectedTests, $"pr selects {pr.SelectedTests} test(s), commit {commit.SelectedTests}");
        Assert.Equal(["LayerNotInCadence"], pr.ExclusionCounts.Keys);
    }

    [Fact]
    public async Task Nightly_runs_every_test_of_the_sample()
    {
        var pr = await PlanAsync("pr");
        var nightly = await PlanAsync("nightly");

        Assert.Equal(0, nightly.ExcludedTests);
        Assert.Equal(pr.SelectedTests + pr.ExcludedTests, nightly.SelectedTests);
        Assert.Contains(nightly.Partitions, partition => partition.Layer == "e2e" && partition.Resources.Count == 3);
    }

    [Fact]
    public async Task Discover_json_counts_the_sample_per_layer_and_resource_set()
    {
        var result = await OrchestratorProcess.RunAsync(["discover", "--json", "--config", Path.Combine(_workspace, "orchestrator.json")], CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"discover exited {result.ExitCode}: {result.StandardError}");

        var inventory = JsonSerializer.Deserialize<SampleInventory>(result.StandardOutput, _json)!;
        Assert.Equal(inventory.TestCount, inventory.Counts.Sum(row => row.Tests));
        Assert.Equal(inventory.Tests.Sum(test => test.CaseCount), inventory.Counts.Sum(row => row.Cases));
        Assert.Equal(["e2e", "integration", "unit"], inventory.Counts.Select(row => row.Layer).Distinct().Order(StringComparer.Ordinal));
        // The integration tests of the sample: resource-free, and six sets of real services.
        Assert.Equal(7, inventory.Counts.Count(row => row.Layer == "integration"));
        Assert.Equal(
            inventory.Tests.Count(test => test.Layer == "integration" && test.Resources.Count == 0),
            inventory.Counts.Single(row => row.Layer == "integration" && row.Resources.Count == 0).Tests);
    }

    private async Task<SamplePlan> PlanAsync(string cadence)
    {
        var result = await OrchestratorProcess.RunAsync(
            ["plan", "--cadence", cadence, "--json", "--config", Path.Combine(_workspace, "orchestrator.json")],
            CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"plan --cadence {cadence} exited {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        return JsonSerializer.Deserialize<SamplePlan>(result.StandardOutput, _json)
            ?? throw new InvalidOperationException("plan printed no JSON");
    }

    private sealed record SamplePlan(int SelectedTests, int ExcludedTests, List<SamplePartition> Partitions, Dictionary<string, int> ExclusionCounts);

    private sealed record SampleInventory(int TestCount, List<SampleCount> Counts, List<SampleTest> Tests);

    private sealed record SampleCount(string Layer, List<string> Resources, int Tests, int Cases);

    private sealed record SampleTest(string Layer, List<string> Resources, int CaseCount);

    private sealed record SamplePartition(string Id, string Layer, List<string> Resources, int ContainersNeeded);
}
