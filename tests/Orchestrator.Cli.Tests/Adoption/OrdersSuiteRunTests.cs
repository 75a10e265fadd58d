using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class OrdersSuiteRunTests : IDisposable
{
    private readonly OrdersSuite _suite = new();

    [Fact]
    public async Task Init_then_run_pr_builds_and_runs_the_suite_against_the_postgres_it_gives_it_without_edits()
    {
        var init = await ToolProcess.RunAsync(["init", "--path", _suite.Root], TimeSpan.FromMinutes(1));
        Assert.True(init.ExitCode == 0, init.StandardOutput + init.StandardError);

        var run = await ToolProcess.RunAsync(["run", "--build", "--cadence", "pr", "--config", _suite.ConfigurationPath], TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.StandardOutput}\n{run.StandardError}");
        Assert.True(run.StandardOutput.Contains("resource postgres-integration-postgres#1 ready", StringComparison.Ordinal), run.StandardOutput);
        Assert.True(run.StandardOutput.Contains("start  integration-postgres#1 (1 tests)", StringComparison.Ordinal), run.StandardOutput);
        Assert.EndsWith("1 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
    }

    public void Dispose() => _suite.Dispose();
}
