using System.Text.Json.Nodes;
using Orchestrator.Cli.Tests.Run;
using Xunit;

namespace Orchestrator.Cli.Tests.History;

/// <summary>The whole tool keeps the history across runs: flaky rates and new failures from it, shards into one Postgres, and a store it cannot reach costs only a warning.</summary>
[Trait("Category", "Integration")]
public sealed class HistoryRunTests
{
    private const string PatternFilter = "Name=Fails_on_the_third_and_seventh_run";

    private static JsonObject PatternConfiguration(string counter) => new()
    {
        ["layers"] = new JsonArray("integration"),
        ["defaultLayer"] = "integration",
        ["cadences"] = new JsonObject
        {
            // The test's outcome depends on a counter file no cache key can see: every run must run it.
            ["pr"] = new JsonObject { ["layers"] = new JsonArray("integration"), ["resources"] = new JsonArray(), ["retries"] = 0, ["cache"] = false },
        },
        ["testEnvironment"] = new JsonObject { ["HISTORY_COUNTER"] = counter },
    };

    [Fact]
    public async Task Ten_runs_of_a_test_failing_on_its_third_and_seventh_run_give_its_flaky_rate_and_its_new_failure()
    {
        var counter = Path.Combine(Path.GetTempPath(), $"orchestrator-history-counter-{Guid.NewGuid():N}");
        using var workspace = RunWorkspace.CreateWithFixtures(PatternConfiguration(counter), "Repeat.Fixture");
        await GitCommitAsync(workspace);
        try
        {
            for (var run = 1; run <= 10; run++)
            {
                var results = Path.Combine(workspace.Root, $"results-{run}");
                var result = await workspace.RunAsync("pr", results, ["--filter", PatternFilter]);

                var failing = run is 3 or 7;
                Assert.True(result.ExitCode == (failing ? 1 : 0), $"run {run}: exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
                if (failing)
                {
                    var note = Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!["history"]!.AsArray());
                    Assert.Equal(run == 3 ? "NewFailure" : "KnownFlaky", (string)note!["verdict"]!);
                    var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
                    Assert.Contains(run == 3 ? "| new failure | `✓✓✗` |" : "| known flaky | `✓✓✗✓✓✓✗` |", summary, StringComparison.Ordinal);
                    Assert.Contains("data-verdict=\"" + (run == 3 ? "NewFailure" : "KnownFlaky") + "\"", await File.ReadAllTextAsync(Path.Combine(results, "report.html")), StringComparison.Ordinal);
                }
            }

            var flaky = await workspace.ToolAsync(["flaky", "--config", workspace.ConfigurationPath, "--json"]);

            Assert.True(flaky.ExitCode == 0, flaky.StandardOutput + flaky.StandardError);
            var report = JsonNode.Parse(flaky.StandardOutput)!;
            var test = Assert.Single(report["flaky"]!.AsArray())!;
            Assert.Equal((10, 2, 2), ((int)test["runs"]!, (int)test["flakyRuns"]!, (int)test["failedRuns"]!));
            Assert.Equal(0.2, (double)test["flakyRate"]!, 6);
            Assert.Equal("✓✓✗✓✓✓✗✓✓✓", (string)test["recent"]!);
            Assert.Single(report["quarantineCandidates"]!.AsArray());
            Assert.Empty(report["newFailures"]!.AsArray());
        }
        finally
        {
            File.Delete(counter);
        }
    }

    [Fact]
    [Trait("Resource", "docker")]
    [Trait("Resource", "postgres")]
    public async Task Two_shards_record_into_one_postgres_and_flaky_reads_both_back()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var postgres = await HistoryPostgres.StartAsync(deadline.Token);
        using var first = RunWorkspace.Create(WithPostgresHistory(ShardedRunTests.Configuration()), "Shop.UnitTests");
        using var second = RunWorkspace.Create(WithPostgresHistory(ShardedRunTests.Configuration()), "Shop.UnitTests");
        var environment = new Dictionary<string, string> { ["ORCHESTRATOR_HISTORY"] = postgres.ConnectionString };

        var one = await first.RunAsync("commit", Path.Combine(first.Root, "shard-1"), ["--shard", "1/2"], environment);
        var two = await second.RunAsync("commit", Path.Combine(second.Root, "shard-2"), ["--shard", "2/2"], environment);
        Assert.True(one.ExitCode == 0, one.StandardOutput + one.StandardError);
        Assert.True(two.ExitCode == 0, two.StandardOutput + two.StandardError);

        var flaky = await first.ToolAsync(["flaky", "--config", first.ConfigurationPath, "--json"], environment);

        Assert.True(flaky.ExitCode == 0, flaky.StandardOutput + flaky.StandardError);
        Assert.Equal(222, (int)JsonNode.Parse(flaky.StandardOutput)!["tests"]!);
        Assert.DoesNotContain("warning history", one.StandardError + two.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgres_history_is_a_warning_and_leaves_the_exit_code_alone()
    {
        var counter = Path.Combine(Path.GetTempPath(), $"orchestrator-history-counter-{Guid.NewGuid():N}");
        using var workspace = RunWorkspace.CreateWithFixtures(WithPostgresHistory(PatternConfiguration(counter)), "Repeat.Fixture");
        var results = Path.Combine(workspace.Root, "results");
        try
        {
            var run = await workspace.RunAsync("pr", results, ["--filter", PatternFilter],
                new Dictionary<string, string> { ["ORCHESTRATOR_HISTORY"] = "Host=127.0.0.1;Port=1;Username=ci;Password=not-shown;Database=history;Timeout=2" });

            Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
            Assert.Contains("warning history: The test history at Postgres 127.0.0.1:1/history ($ORCHESTRATOR_HISTORY) could not be used", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("Postgres 127.0.0.1:1/history", await File.ReadAllTextAsync(Path.Combine(results, "summary.md")), StringComparison.Ordinal);
            Assert.DoesNotContain("not-shown", run.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(counter);
        }
    }

    private static JsonObject WithPostgresHistory(JsonObject configuration)
    {
        configuration["history"] = new JsonObject { ["postgres"] = new JsonObject { ["connectionStringVariable"] = "ORCHESTRATOR_HISTORY" } };
        return configuration;
    }

    /// <summary>Makes the workspace a git repository with one commit: every run records the same commit.</summary>
    private static async Task GitCommitAsync(RunWorkspace workspace)
    {
        foreach (var arguments in new[] { new[] { "init", "-q" }, ["-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-q", "--allow-empty", "-m", "fixture"] })
        {
            var git = await workspace.ProcessAsync("git", arguments);
            Assert.True(git.ExitCode == 0, git.StandardError);
        }
    }
}
