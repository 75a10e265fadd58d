using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// The built tool, run as a real process on small workspaces of built sample suites: a problem outside the tests
/// (discovery, an empty selection) is in run.json, summary.md and report.html and fails the run and its merge; an
/// empty shard of a plan with tests does not; a results directory that cannot be written stops the run before it
/// reaches a Docker engine. None of them needs an engine.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class RunReportsTellTheTruthTests
{
    private const string ShopIntegrationTests = "Shop.IntegrationTests";

    [Fact]
    public async Task A_test_naming_a_resource_the_configuration_does_not_define_fails_every_report_and_the_merge()
    {
        // Shop's integration tests name postgres, rabbitmq and redis; redis is left out of the configuration.
        using var workspace = RunWorkspace.Create(ShopConfiguration("postgres", "rabbitmq"), ShopIntegrationTests);
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 1, Describe(run));
        Assert.Matches(@"[1-9]\d* passed, 0 failed, 0 skipped\s*$", run.StandardOutput);
        Assert.Contains("resource 'redis', which the configuration does not define", run.StandardOutput, StringComparison.Ordinal);
        await AssertEveryReportFailsWithAsync(results, "redis", "which the configuration does not define");
        await AssertMergeFailsWithAsync(workspace, results, "redis", "which the configuration does not define");
    }

    [Fact]
    public async Task A_manifest_whose_assembly_is_missing_fails_every_report_and_the_merge()
    {
        using var workspace = RunWorkspace.Create(ShopConfiguration("postgres", "rabbitmq", "redis"), ShopIntegrationTests);
        var unbuilt = workspace.AddUnbuiltProject("Billing.Tests");
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 1, Describe(run));
        Assert.Matches(@"[1-9]\d* passed, 0 failed, 0 skipped\s*$", run.StandardOutput);
        Assert.Contains($"error {unbuilt}:", run.StandardOutput, StringComparison.Ordinal);
        var problems = await ProblemsAsync(results);
        Assert.Contains(problems, problem => (string?)problem["subject"] == unbuilt && (string?)problem["severity"] == "Error");
        await AssertEveryReportFailsWithAsync(results, "Billing.Tests", "is missing");
        await AssertMergeFailsWithAsync(workspace, results, "Billing.Tests", "is missing");
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

        Assert.True(run.ExitCode == 1, Describe(run));
        Assert.EndsWith("0 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        var discovered = await DiscoveredTestCountAsync(workspace);
        Assert.True(discovered > 0, "Ledger.PostgresTests has tests");
        var why = $"selected none of the {discovered.ToString(CultureInfo.InvariantCulture)} discovered test(s)";
        Assert.Contains(why, run.StandardOutput, StringComparison.Ordinal);
        await AssertEveryReportFailsWithAsync(results, why, "in a layer the cadence does not run");
    }

    [Fact]
    public async Task An_empty_manifests_folder_fails_the_run_and_says_nothing_was_discovered()
    {
        using var workspace = RunWorkspace.Create(new JsonObject());
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 1, Describe(run));
        Assert.EndsWith("0 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        await AssertEveryReportFailsWithAsync(results, "No test was discovered", "manifests");
    }

    [Fact]
    public async Task An_empty_shard_of_a_plan_with_tests_passes_and_says_so_as_a_warning()
    {
        using var workspace = RunWorkspace.Create(ShopConfiguration("postgres", "rabbitmq", "redis"), ShopIntegrationTests);
        var results = Path.Combine(workspace.Root, "results");

        // The commit cadence's resource-free Shop integration tests fit in fewer than five units.
        var run = await workspace.RunAsync("commit", results, ["--shard", "5/5"]);

        Assert.True(run.ExitCode == 0, Describe(run));
        Assert.EndsWith("0 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        var problem = Assert.Single(await ProblemsAsync(results));
        Assert.Equal("Warning", (string?)problem["severity"]);
        Assert.Equal("shard 5/5", (string?)problem["subject"]);
        Assert.Contains("holds none of the plan's units", (string?)problem["message"], StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.Contains("✅ passed (exit code 0)", summary, StringComparison.Ordinal);
        Assert.Contains("**warning** `shard 5/5`", summary, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"));
        Assert.Contains("data-exit-code=\"0\"", html, StringComparison.Ordinal);
        Assert.Contains("shard 5/5", ProblemsSection(html), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateDirectories(results), directory => Path.GetFileName(directory).StartsWith("integration-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_results_directory_that_cannot_be_written_stops_the_run_before_it_reaches_the_engine()
    {
        // The selection needs a postgres container; the engine address answers nothing, so reaching it would fail loudly.
        var configuration = ShopConfiguration("rabbitmq", "redis");
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
        using var workspace = RunWorkspace.Create(configuration, ShopIntegrationTests);
        var noEngine = Path.Combine(workspace.Root, "no-engine.sock");
        var engine = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix://" + noEngine };
        // A path under a regular file: no user can create it, root included (chmod does not stop root).
        var file = Path.Combine(workspace.Root, "results-file");
        await File.WriteAllTextAsync(file, "not a directory\n");
        var results = Path.Combine(file, "results");

        var run = await workspace.RunAsync("pr", results, environment: engine);

        Assert.True(run.ExitCode == 2, Describe(run));
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

        Assert.True(writable.ExitCode == 2, Describe(writable));
        Assert.Contains(noEngine, writable.StandardError, StringComparison.Ordinal);
    }

    /// <summary>The Shop integration tests' workspace: the commit cadence runs the integration tests that need no resource.</summary>
    private static JsonObject ShopConfiguration(params string[] definedResources)
    {
        var resources = new JsonObject();
        foreach (var resource in definedResources)
        {
            resources[resource] = new JsonObject { ["kind"] = "external" };
        }
        return new JsonObject
        {
            ["layers"] = new JsonArray("unit", "integration"),
            ["cadences"] = new JsonObject
            {
                ["commit"] = new JsonObject { ["layers"] = new JsonArray("integration"), ["resources"] = new JsonArray(), ["retries"] = 0 },
            },
            ["resources"] = resources,
        };
    }

    /// <summary>run.json, summary.md and report.html all state the error (every fragment) and the exit code 1.</summary>
    private static async Task AssertEveryReportFailsWithAsync(string results, params string[] fragments)
    {
        var problems = await ProblemsAsync(results);
        Assert.Contains(problems, problem =>
            (string?)problem["severity"] == "Error" &&
            fragments.All(fragment => $"{problem["subject"]} {problem["message"]}".Contains(fragment, StringComparison.Ordinal)));

        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.Contains("❌ failed (exit code 1)", summary, StringComparison.Ordinal);
        var listed = SummaryProblems(summary);
        Assert.Contains("**error**", listed, StringComparison.Ordinal);
        Assert.All(fragments, fragment => Assert.Contains(fragment, listed, StringComparison.Ordinal));

        var html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"));
        Assert.Contains("data-exit-code=\"1\"", html, StringComparison.Ordinal);
        var section = ProblemsSection(html);
        Assert.All(fragments, fragment => Assert.Contains(fragment, section, StringComparison.Ordinal));
    }

    /// <summary><c>orchestrator merge</c> of the run's directory is not green either, and its reports keep the error.</summary>
    private static async Task AssertMergeFailsWithAsync(RunWorkspace workspace, string results, params string[] fragments)
    {
        var merged = Path.Combine(workspace.Root, "merged");

        var merge = await workspace.ToolAsync(["merge", results, "--output", merged]);

        Assert.True(merge.ExitCode == 1, Describe(merge));
        Assert.Contains("problem(s) outside the tests", merge.StandardOutput, StringComparison.Ordinal);
        await AssertEveryReportFailsWithAsync(merged, fragments);
    }

    private static async Task<List<JsonNode>> ProblemsAsync(string results)
    {
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        return [.. record["problems"]!.AsArray().OfType<JsonNode>()];
    }

    private static async Task<int> DiscoveredTestCountAsync(RunWorkspace workspace)
    {
        var discover = await workspace.ToolAsync(["discover", "--json", "--config", workspace.ConfigurationPath]);
        Assert.True(discover.ExitCode == 0, Describe(discover));
        return (int)JsonNode.Parse(discover.StandardOutput)!["testCount"]!;
    }

    /// <summary>The "Problems outside the tests" section of summary.md, up to the next heading.</summary>
    private static string SummaryProblems(string summary)
    {
        var match = SummaryProblemsSection().Match(summary);
        Assert.True(match.Success, "summary.md has no 'Problems outside the tests' section:\n" + summary);
        return match.Value;
    }

    /// <summary>report.html's problems section.</summary>
    private static string ProblemsSection(string html)
    {
        var match = HtmlProblemsSection().Match(html);
        Assert.True(match.Success, "report.html has no <section id=\"problems\">");
        return match.Value;
    }

    private static string Describe(BufferedCommandResult result) =>
        $"exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}";

    [GeneratedRegex(@"^### Problems outside the tests.*?(?=^### |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SummaryProblemsSection();

    [GeneratedRegex("<section id=\"problems\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex HtmlProblemsSection();
}
