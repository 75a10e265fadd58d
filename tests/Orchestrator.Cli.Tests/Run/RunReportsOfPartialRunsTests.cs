using System.Text.Json.Nodes;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// The built tool, run as a real process on small workspaces of built sample suites: a manifest whose assembly is
/// missing fails every report and the merge while the rest runs; an empty shard of a plan with tests does not fail;
/// a results directory that cannot be written stops the run before it reaches a Docker engine.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RunReportsOfPartialRunsTests
{
    [Fact]
    public async Task A_manifest_whose_assembly_is_missing_fails_every_report_and_the_merge()
    {
        using var workspace = RunWorkspace.Create(RunReports.ShopConfiguration("postgres", "rabbitmq", "redis"), RunReports.ShopIntegrationTests);
        var unbuilt = workspace.AddUnbuiltProject("Billing.Tests");
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 1, RunReports.Describe(run));
        Assert.Matches(@"[1-9]\d* passed, 0 failed, 0 skipped\s*$", run.StandardOutput);
        Assert.Contains($"error {unbuilt}:", run.StandardOutput, StringComparison.Ordinal);
        var problems = await RunReports.ProblemsAsync(results);
        Assert.Contains(problems, problem => (string?)problem["subject"] == unbuilt && (string?)problem["severity"] == "Error");
        await RunReports.AssertEveryReportFailsWithAsync(results, "Billing.Tests", "is missing");
        await RunReports.AssertMergeFailsWithAsync(workspace, results, "Billing.Tests", "is missing");
    }

    [Fact]
    public async Task An_empty_shard_of_a_plan_with_tests_passes_and_says_so_as_a_warning()
    {
        using var workspace = RunWorkspace.Create(RunReports.ShopConfiguration("postgres", "rabbitmq", "redis"), RunReports.ShopIntegrationTests);
        var results = Path.Combine(workspace.Root, "results");

        // The commit cadence's resource-free Shop integration tests fit in fewer than five units.
        var run = await workspace.RunAsync("commit", results, ["--shard", "5/5"]);

        Assert.True(run.ExitCode == 0, RunReports.Describe(run));
        Assert.EndsWith("0 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        var problem = Assert.Single(await RunReports.ProblemsAsync(results));
        Assert.Equal("Warning", (string?)problem["severity"]);
        Assert.Equal("shard 5/5", (string?)problem["subject"]);
        Assert.Contains("holds none of the plan's units", (string?)problem["message"], StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.Contains("✅ passed (exit code 0)", summary, StringComparison.Ordinal);
        Assert.Contains("**warning** `shard 5/5`", summary, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"));
        Assert.Contains("data-exit-code=\"0\"", html, StringComparison.Ordinal);
        Assert.Contains("shard 5/5", RunReports.ProblemsSection(html), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateDirectories(results), directory => Path.GetFileName(directory).StartsWith("integration-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_results_directory_that_cannot_be_written_stops_the_run_before_it_reaches_the_engine()
    {
        // The selection needs a postgres container; the engine address answers nothing, so reaching it would fail loudly.
        var configuration = RunReports.ShopConfiguration("rabbitmq", "redis");
        configuration["cadences"]!["pr"] = new JsonObject
        {
            ["layers"] = new JsonArray("integration"),
            ["resources"] = new JsonArray("postgres"),
            ["retries"] = 0,
        };
        configuration["resources"]!["postgres"] = new JsonObject
        {
            ["kind"] = "postgres",
            ["image"] = "orchestrator/postgres:never-pulled",
            ["ports"] = new JsonArray(5432),
            ["environment"] = new JsonObject { ["POSTGRES_PASSWORD"] = "{secret}" },
        };
        using var workspace = RunWorkspace.Create(configuration, RunReports.ShopIntegrationTests);
        var noEngine = Path.Combine(workspace.Root, "no-engine.sock");
        var engine = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix://" + noEngine };
        // A path under a regular file: no user can create it, root included (chmod does not stop root).
        var file = Path.Combine(workspace.Root, "results-file");
        await File.WriteAllTextAsync(file, "not a directory\n");
        var results = Path.Combine(file, "results");

        var run = await workspace.RunAsync("pr", results, environment: engine);

        Assert.True(run.ExitCode == 2, RunReports.Describe(run));
        Assert.Contains($"Results directory '{results}' cannot be written", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("--results", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(noEngine, run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(" tests in ", run.StandardOutput, StringComparison.Ordinal);
        Assert.False(Path.Exists(Path.Combine(workspace.Root, ".orchestrator", "runs")),
            "no run work directory may be created before the results directory is known to be writable");
        Assert.Empty(Directory.EnumerateFiles(workspace.Root, "run.json", SearchOption.AllDirectories));

        // The same run into a directory it can write goes on to the engine: the stop above came before provisioning.
        var writable = await workspace.RunAsync("pr", Path.Combine(workspace.Root, "results"), environment: engine);

        Assert.True(writable.ExitCode == 2, RunReports.Describe(writable));
        Assert.Contains(noEngine, writable.StandardError, StringComparison.Ordinal);
    }
}
