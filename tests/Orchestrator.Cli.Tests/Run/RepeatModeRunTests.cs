using System.Text.Json.Nodes;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// <c>run --repeat N</c> with its modes and <c>--until-fail</c>: a test that passes alone and fails beside the other tests
/// of its unit is an isolation problem, not a flaky test; a mode stops at its first failure when asked.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RepeatModeRunTests
{
    [Fact]
    public async Task A_test_that_fails_only_alongside_its_units_other_tests_is_reported_as_an_isolation_problem_not_flaky()
    {
        using var workspace = await RepeatWorkspaceAsync();
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.ToolAsync(["run", "--config", workspace.ConfigurationPath, "--results", results, "--filter", "Name=Reads_the_shared_marker_clean", "--repeat", "3", "--mode", "both"], timeout: TimeSpan.FromMinutes(10));

        var output = $"exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}";
        // Fails_on_purpose, a sibling in the unit, fails every repetition alongside: that fails the run, not the diagnosis.
        Assert.True(run.ExitCode == 1, $"the sibling that always fails fails the run; {output}");
        Assert.Contains("failed because other tests shared their container or their unit: an isolation problem, not flakiness", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("passed 3 of 3 repetitions alone but only 0 of 3 alongside the other tests of its unit", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("flaky test(s): they failed, then passed", run.StandardOutput, StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.Contains("### Pass rates across 3 repetitions, alone and alongside", summary, StringComparison.Ordinal);
        Assert.Matches(@"\| `[^`]*Reads_the_shared_marker_clean[^`]*` \| isolation problem \| 3/3 \| 100% \| 0/3 \| 0% \|", summary);
        Assert.Contains("3× (first in repetition 1) the shared marker was left set by another test in this process", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("### Flaky tests", summary, StringComparison.Ordinal);
        Assert.Contains("fails on purpose, for quarantine", summary, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"));
        Assert.Contains("data-verdict=\"isolation problem\"", html, StringComparison.Ordinal);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        var repeated = Assert.Single(record["repeat"]!["tests"]!.AsArray());
        Assert.Equal("IsolationProblem", (string)repeated!["verdict"]!);
        var units = record["units"]!.AsArray();
        Assert.Equal(3, units.Count(unit => (string?)unit!["mode"] == "Alone"));
        Assert.Equal(3, units.Count(unit => (string?)unit!["mode"] == "Alongside"));
        Assert.All(units.Where(unit => (string?)unit!["mode"] == "Alone"), unit => Assert.Single(unit!["expectedTests"]!.AsArray()));
        Assert.All(units.Where(unit => (string?)unit!["mode"] == "Alongside"), unit => Assert.True(unit!["expectedTests"]!.AsArray().Count > 1, "alongside runs the other tests of the unit too"));
    }

    [Fact]
    public async Task Until_fail_stops_starting_repetitions_after_the_first_failed_one_and_reports_it()
    {
        using var workspace = await RepeatWorkspaceAsync();
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.ToolAsync(["run", "--config", workspace.ConfigurationPath, "--results", results, "--filter", "Name=Fails_one_time_in_five", "--repeat", "20", "--until-fail"], timeout: TimeSpan.FromMinutes(10));

        var output = $"exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}";
        // Alone runs one repetition at a time, so the fifth run is the first failure and nothing runs after it.
        Assert.Equal(5, (await File.ReadAllLinesAsync(Path.Combine(workspace.Root, "counter.txt"))).Length);
        Assert.Contains("alone: stopped early (--until-fail) after 5 of 20 repetitions; first failure in repetition 5:", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("counted failure: every fifth run fails", run.StandardOutput, StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.Contains("stopped early (--until-fail) after 5 of 20 repetitions; first failure in repetition 5:", summary, StringComparison.Ordinal);
        Assert.Contains("| 4/5 | 80% |", summary, StringComparison.Ordinal);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        var stopped = Assert.Single(record["repeat"]!["stopped"]!.AsArray());
        Assert.Equal(5, (int)stopped!["started"]!);
        Assert.Equal(5, record["units"]!.AsArray().Count);
        Assert.True(run.ExitCode == 0, $"a test that passed in some repetitions is flaky, which fails no build by default; {output}");
    }

    private static async Task<RunWorkspace> RepeatWorkspaceAsync()
    {
        var workspace = RunWorkspace.CreateWithFixtures(new JsonObject
        {
            ["layers"] = new JsonArray("integration"),
            ["defaultLayer"] = "integration",
        }, "Repeat.Fixture");
        var configuration = JsonNode.Parse(await File.ReadAllTextAsync(workspace.ConfigurationPath))!.AsObject();
        configuration["testEnvironment"] = new JsonObject { ["REPEAT_COUNTER"] = Path.Combine(workspace.Root, "counter.txt") };
        await File.WriteAllTextAsync(workspace.ConfigurationPath, configuration.ToJsonString());
        return workspace;
    }
}
