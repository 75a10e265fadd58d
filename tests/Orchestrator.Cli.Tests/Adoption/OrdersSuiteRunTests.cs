using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Xunit;
using Xunit.Abstractions;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// The Orders suite adopted as a new user would: <c>init</c>, then <c>run --build --cadence pr</c> again and again, each
/// run planning with the timings the ones before it recorded. Its classes drop and create one fixed-name database and
/// one test terminates every other session on the server, so units that share a server break each other; once the
/// timings split its partition, units that run at the same time must each have a server of their own.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class OrdersSuiteRunTests(ITestOutputHelper output) : IDisposable
{
    private const int Runs = 3;

    private readonly OrdersSuite _suite = new();

    [Fact]
    public async Task Init_then_three_pr_runs_pass_without_flakiness_as_the_timings_split_the_database_tests_into_units_on_servers_of_their_own()
    {
        var init = await ToolProcess.RunAsync(["init", "--path", _suite.Root], TimeSpan.FromMinutes(1));
        Assert.True(init.ExitCode == 0, init.StandardOutput + init.StandardError);

        var records = new List<RunRecord>();
        for (var run = 1; run <= Runs; run++)
        {
            var results = Path.Combine(_suite.Root, $"results-{run}");
            // Every run runs every test (no result cache): the timings of each run split the next one.
            var process = await ToolProcess.RunAsync(
                ["run", "--build", "--no-cache", "--cadence", "pr", "--config", _suite.ConfigurationPath, "--results", results], TimeSpan.FromMinutes(4));
            var record = await RunRecordStore.ReadAsync(Path.Combine(results, RunRecordStore.FileName), CancellationToken.None);
            var verdict = record.Verdict ?? throw new InvalidOperationException($"run {run} recorded no verdict:\n{process.StandardOutput}");
            output.WriteLine($"run {run}: exit {process.ExitCode}, {verdict.Headline}, {(record.FinishedAt - record.StartedAt).TotalSeconds:0.0} s, units {string.Join("; ", DatabaseUnits(record).Select(Describe))}");
            Assert.True(process.ExitCode == 0, $"run {run} exited {process.ExitCode}:\n{process.StandardOutput}\n{process.StandardError}");
            Assert.Equal((OrdersSuite.TestCount, 0, 0, 0), (verdict.Passed, verdict.Flaky, verdict.Failed, verdict.NotRun));
            records.Add(record);
        }

        var third = DatabaseUnits(records[^1]);
        var overlapping = third.SelectMany(unit => third.Where(other => string.CompareOrdinal(unit.UnitId, other.UnitId) < 0 && Overlap(unit, other)).Select(other => (unit, other))).ToList();
        Assert.True(overlapping.Count > 0, "by the third run no two units of the database tests ran at the same time: " + string.Join("; ", third.Select(Describe)));
        Assert.All(overlapping, pair => Assert.True(
            !pair.unit.Instances.Intersect(pair.other.Instances, StringComparer.Ordinal).Any(),
            $"{Describe(pair.unit)} and {Describe(pair.other)} ran at the same time on one server"));

        var commit = await ToolProcess.RunAsync(["plan", "--cadence", "commit", "--json", "--config", _suite.ConfigurationPath], TimeSpan.FromMinutes(2));
        Assert.True(commit.ExitCode == 0, commit.StandardOutput + commit.StandardError);
        using var plan = JsonDocument.Parse(commit.StandardOutput);
        Assert.Equal((0, OrdersSuite.TestCount), (plan.RootElement.GetProperty("selectedTests").GetInt32(), plan.RootElement.GetProperty("excludedTests").GetInt32()));
        Assert.Empty(PlanPartitions.Read(commit.StandardOutput));
    }

    [Fact]
    public async Task Told_to_share_one_server_the_same_split_suite_breaks_and_the_run_names_the_isolation_problem()
    {
        var init = await ToolProcess.RunAsync(["init", "--path", _suite.Root], TimeSpan.FromMinutes(1));
        Assert.True(init.ExitCode == 0, init.StandardOutput + init.StandardError);
        var configuration = JsonNode.Parse(await File.ReadAllTextAsync(_suite.ConfigurationPath))!;
        configuration["resources"]!["postgres"]!["isolation"] = "shared";
        await File.WriteAllTextAsync(_suite.ConfigurationPath, configuration.ToJsonString());
        await WriteTimingsOfEarlierRunsAsync();
        var results = Path.Combine(_suite.Root, "results-shared");

        var process = await ToolProcess.RunAsync(
            ["run", "--build", "--cadence", "pr", "--config", _suite.ConfigurationPath, "--results", results], TimeSpan.FromMinutes(4));

        var record = await RunRecordStore.ReadAsync(Path.Combine(results, RunRecordStore.FileName), CancellationToken.None);
        var firstAttempts = DatabaseUnits(record).Where(unit => unit.Attempt == 0).ToList();
        Assert.True(
            firstAttempts.Count == 2 && Overlap(firstAttempts[0], firstAttempts[1]) && firstAttempts[0].Instances.SequenceEqual(firstAttempts[1].Instances),
            "the two units did not share one server at the same time: " + string.Join("; ", firstAttempts.Select(Describe)));
        var verdict = record.Verdict!;
        Assert.True(verdict.Flaky + verdict.Failed > 0, $"no test broke although two units shared one server:\n{process.StandardOutput}");
        Assert.True(
            process.StandardOutput.Contains("failed because other tests shared their container or their unit: an isolation problem, not flakiness", StringComparison.Ordinal),
            $"the isolation problem was not named:\n{process.StandardOutput}\n{process.StandardError}");
        // Passing on a re-run with a server of their own does not make them flaky: the run fails and counts them failed.
        Assert.Equal(verdict.Flaky, verdict.IsolationProblems);
        Assert.Equal(1, process.ExitCode);
        Assert.EndsWith($"{verdict.Passed} passed, {verdict.Failed + verdict.IsolationProblems} failed, 0 skipped", process.StandardOutput.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>The timings two earlier runs would have recorded: enough for the planner to split the partition at once.</summary>
    private Task WriteTimingsOfEarlierRunsAsync()
    {
        var state = Path.Combine(_suite.Root, ".orchestrator");
        Directory.CreateDirectory(state);
        return File.WriteAllTextAsync(Path.Combine(state, "timings.json"), new JsonObject
        {
            ["version"] = 1,
            ["alpha"] = 0.3,
            ["tests"] = new JsonArray([.. OrdersSuite.TestNames.Select(name => (JsonNode)new JsonObject
            {
                ["assembly"] = OrdersSuite.TestProject,
                ["name"] = name,
                ["milliseconds"] = OrdersSuite.WorkPerTest.TotalMilliseconds,
                ["samples"] = 2,
            })]),
            ["startUps"] = new JsonArray(new JsonObject { ["assembly"] = OrdersSuite.TestProject, ["milliseconds"] = 1000, ["samples"] = 2 }),
        }.ToJsonString());
    }

    private static List<UnitRun> DatabaseUnits(RunRecord record) =>
        [.. record.Units.Where(unit => unit.Resources.Contains("postgres"))];

    private static string Describe(UnitRun unit) =>
        $"{unit.UnitId} {unit.StartedAt:HH:mm:ss.f}-{unit.FinishedAt:HH:mm:ss.f} on {string.Join(',', unit.Instances)}";

    private static bool Overlap(UnitRun left, UnitRun right) => left.StartedAt < right.FinishedAt && right.StartedAt < left.FinishedAt;

    public void Dispose() => _suite.Dispose();
}
