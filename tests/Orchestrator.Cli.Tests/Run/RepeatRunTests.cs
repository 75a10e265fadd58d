using System.Text.Json.Nodes;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// Diagnosing a flaky test as the playbook says: run it many times. The fixture test fails exactly one run in five
/// (a counter shared by every repetition), so fifty repetitions must report a pass rate of 80 % with its message.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RepeatRunTests
{
    [Fact]
    public async Task Repeating_a_test_that_fails_one_time_in_five_reports_its_pass_rate_failure_message_and_durations()
    {
        using var workspace = RunWorkspace.CreateWithFixtures(new JsonObject
        {
            ["layers"] = new JsonArray("integration"),
            ["defaultLayer"] = "integration",
        }, "Repeat.Fixture");
        var counter = Path.Combine(workspace.Root, "counter.txt");
        var configuration = JsonNode.Parse(await File.ReadAllTextAsync(workspace.ConfigurationPath))!.AsObject();
        configuration["testEnvironment"] = new JsonObject { ["REPEAT_COUNTER"] = counter };
        await File.WriteAllTextAsync(workspace.ConfigurationPath, configuration.ToJsonString());
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.ToolAsync(["run", "--config", workspace.ConfigurationPath, "--results", results, "--filter", "Name=Fails_one_time_in_five", "--repeat", "50"], timeout: TimeSpan.FromMinutes(10));

        Assert.True(run.ExitCode == 0, $"a test that passes in some repetitions is flaky, which fails no build by default; exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Equal(50, (await File.ReadAllLinesAsync(counter)).Length);
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.Contains("### Pass rates across 50 repetitions", summary, StringComparison.Ordinal);
        Assert.Contains("| 40/50 | 80% |", summary, StringComparison.Ordinal);
        Assert.Contains("- 10× (first in repetition ", summary, StringComparison.Ordinal);
        Assert.Contains("counted failure: every fifth run fails", summary, StringComparison.Ordinal);
        Assert.Matches(@"durations median [^,]+, p95 [^,]+, max ", summary);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        Assert.Equal(50, record["units"]!.AsArray().Select(unit => (int)unit!["repetition"]!).Distinct().Count());
    }
}
