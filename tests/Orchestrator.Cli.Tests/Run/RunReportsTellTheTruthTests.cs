using System.Globalization;
using System.Text.Json.Nodes;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// The built tool, run as a real process on small workspaces of built sample suites: a problem outside the tests
/// (a resource the configuration lacks, an empty selection, nothing discovered) is in run.json, summary.md and
/// report.html and fails the run and its merge. None of them needs an engine.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RunReportsTellTheTruthTests
{
    [Fact]
    public async Task A_test_naming_a_resource_the_configuration_does_not_define_fails_every_report_and_the_merge()
    {
        // Shop's integration tests name postgres, rabbitmq and redis; redis is left out of the configuration.
        using var workspace = RunWorkspace.Create(RunReports.ShopConfiguration("postgres", "rabbitmq"), RunReports.ShopIntegrationTests);
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 1, RunReports.Describe(run));
        Assert.Matches(@"[1-9]\d* passed, 0 failed, 0 skipped\s*$", run.StandardOutput);
        Assert.Contains("resource 'redis', which the configuration does not define", run.StandardOutput, StringComparison.Ordinal);
        await RunReports.AssertEveryReportFailsWithAsync(results, "redis", "which the configuration does not define");
        await RunReports.AssertMergeFailsWithAsync(workspace, results, "redis", "which the configuration does not define");
    }

    [Fact]
    public async Task A_cadence_that_selects_none_of_the_discovered_tests_fails_and_says_why()
    {
        // The workspace's only tests are integration tests that need postgres; the cadence runs unit tests without resources.
        var configuration = new JsonObject
        {
            ["layers"] = new JsonArray("unit", "integration"),
            ["cadences"] = new JsonObject
            {
                ["commit"] = new JsonObject { ["layers"] = new JsonArray("unit"), ["resources"] = new JsonArray() },
            },
            ["resources"] = new JsonObject { ["postgres"] = new JsonObject { ["kind"] = "external" } },
            ["rules"] = new JsonArray(new JsonObject
            {
                ["assembly"] = "Ledger.PostgresTests",
                ["layer"] = "integration",
                ["resources"] = new JsonArray("postgres"),
            }),
        };
        using var workspace = RunWorkspace.Create(configuration, "Ledger.PostgresTests");
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 1, RunReports.Describe(run));
        Assert.EndsWith("0 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        var discovered = await RunReports.DiscoveredTestCountAsync(workspace);
        Assert.True(discovered > 0, "Ledger.PostgresTests has tests");
        var why = $"selected none of the {discovered.ToString(CultureInfo.InvariantCulture)} discovered test(s)";
        Assert.Contains(why, run.StandardOutput, StringComparison.Ordinal);
        await RunReports.AssertEveryReportFailsWithAsync(results, why, "in a layer the cadence does not run");
    }

    [Fact]
    public async Task An_empty_manifests_folder_fails_the_run_and_says_nothing_was_discovered()
    {
        using var workspace = RunWorkspace.Create(new JsonObject());
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 1, RunReports.Describe(run));
        Assert.EndsWith("0 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        await RunReports.AssertEveryReportFailsWithAsync(results, "No test was discovered", "manifests");
    }
}
