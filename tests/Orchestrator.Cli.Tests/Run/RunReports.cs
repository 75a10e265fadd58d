using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>What the tests of the built tool's reports share: the Shop workspace's configuration and the checks that every report states a problem.</summary>
internal static partial class RunReports
{
    public const string ShopIntegrationTests = "Shop.IntegrationTests";

    /// <summary>The Shop integration tests' workspace: the commit cadence runs the integration tests that need no resource.</summary>
    public static JsonObject ShopConfiguration(params string[] definedResources)
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
    public static async Task AssertEveryReportFailsWithAsync(string results, params string[] fragments)
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
    public static async Task AssertMergeFailsWithAsync(RunWorkspace workspace, string results, params string[] fragments)
    {
        var merged = Path.Combine(workspace.Root, "merged");

        var merge = await workspace.ToolAsync(["merge", results, "--output", merged]);

        Assert.True(merge.ExitCode == 1, Describe(merge));
        Assert.Contains("problem(s) outside the tests", merge.StandardOutput, StringComparison.Ordinal);
        await AssertEveryReportFailsWithAsync(merged, fragments);
    }

    public static async Task<List<JsonNode>> ProblemsAsync(string results)
    {
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        return [.. record["problems"]!.AsArray().OfType<JsonNode>()];
    }

    public static async Task<int> DiscoveredTestCountAsync(RunWorkspace workspace)
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
    public static string ProblemsSection(string html)
    {
        var match = HtmlProblemsSection().Match(html);
        Assert.True(match.Success, "report.html has no <section id=\"problems\">");
        return match.Value;
    }

    public static string Describe(BufferedCommandResult result) =>
        $"exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}";

    [GeneratedRegex(@"^### Problems outside the tests.*?(?=^### |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SummaryProblemsSection();

    [GeneratedRegex("<section id=\"problems\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex HtmlProblemsSection();
}
