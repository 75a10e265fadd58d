using System.Globalization;
using Orchestrator.Docker.Cleanup;
using Orchestrator.Pipeline;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// The built tool, run as a real process into a results directory that a live run holds (this test process, which
/// took it as a run does): it is refused with exit code 2, naming that run, and the directory keeps that run's reports.
/// A lock whose run died is taken over, and every report says so.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ResultsDirectoryInUseTests
{
    private const string FailedRunSummary = "❌ failed (exit code 1)";

    [Fact]
    public async Task A_run_into_a_directory_another_live_run_holds_is_refused_and_the_other_run_s_reports_stay()
    {
        using var workspace = RunWorkspace.Create(RunReports.ShopConfiguration("postgres", "rabbitmq", "redis"), RunReports.ShopIntegrationTests);
        var results = Path.Combine(workspace.Root, "results");
        using var live = ResultsDirectory.Prepare(results, "run-failing");
        await File.WriteAllTextAsync(Path.Combine(results, "summary.md"), FailedRunSummary);

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 2, RunReports.Describe(run));
        AssertNamesThisProcess(run.StandardError, "run-failing", "--results");
        Assert.Equal(FailedRunSummary, await File.ReadAllTextAsync(Path.Combine(results, "summary.md")));
    }

    [Fact]
    public async Task A_merge_into_a_directory_a_live_run_holds_is_refused()
    {
        using var workspace = RunWorkspace.Create(RunReports.ShopConfiguration("postgres", "rabbitmq", "redis"), RunReports.ShopIntegrationTests);
        var results = Path.Combine(workspace.Root, "results");
        var run = await workspace.RunAsync("commit", results);
        Assert.True(run.ExitCode == 0, RunReports.Describe(run));
        var held = Path.Combine(workspace.Root, "held");
        using var live = ResultsDirectory.Prepare(held, "run-holding");

        var merge = await workspace.ToolAsync(["merge", results, "--output", held]);

        Assert.True(merge.ExitCode == 2, RunReports.Describe(merge));
        AssertNamesThisProcess(merge.StandardError, "run-holding", "--output");
        Assert.False(File.Exists(Path.Combine(held, "summary.md")));
    }

    [Fact]
    public async Task A_directory_whose_run_died_is_taken_over_and_every_report_says_so()
    {
        using var workspace = RunWorkspace.Create(RunReports.ShopConfiguration("postgres", "rabbitmq", "redis"), RunReports.ShopIntegrationTests);
        var results = Path.Combine(workspace.Root, "results");
        Directory.CreateDirectory(results);
        // What a run killed outright leaves: its lock, naming a pid that is not running now (the highest possible on Linux).
        var dead = new ResultsLockOwner("run-killed", OwnerProcess.Current.Host, 4194304, DateTimeOffset.Parse("2001-01-01T00:00:00Z", CultureInfo.InvariantCulture));
        await File.WriteAllTextAsync(Path.Combine(results, ResultsLock.FileName), dead.ToText());

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 0, RunReports.Describe(run));
        Assert.Contains("run run-killed (pid 4194304", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(await RunReports.ProblemsAsync(results), problem =>
            (string?)problem["severity"] == "Warning" && ((string?)problem["message"])!.Contains("run run-killed (pid 4194304", StringComparison.Ordinal));
        Assert.Contains("run-killed", await File.ReadAllTextAsync(Path.Combine(results, "summary.md")), StringComparison.Ordinal);
        Assert.Contains("run-killed", await File.ReadAllTextAsync(Path.Combine(results, "report.html")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(results, ResultsLock.FileName)), "the run's lock outlived it");
    }

    private static void AssertNamesThisProcess(string error, string runId, string option)
    {
        Assert.Contains($"is in use by run {runId} (pid {Environment.ProcessId} on {OwnerProcess.Current.Host}, started ", error, StringComparison.Ordinal);
        Assert.Contains($"Wait for that run to finish, or give this one another directory with {option}", error, StringComparison.Ordinal);
    }
}
