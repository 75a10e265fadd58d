using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>A real test host that hangs: the hang is named within the hang timeout, with the blame collector and with the orchestrator's own watchdog.</summary>
[Trait("Category", "Integration")]
public sealed class UnitHangTests(FixtureProject fixture) : IClassFixture<FixtureProject>, IDisposable
{
    private readonly FixtureProject _fixture = fixture;
    private readonly UnitRunDirectory _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Hanging_test_is_Hung_within_the_hang_timeout()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Hangs"));
        // Long enough for the host's report that the test started to arrive on a loaded machine, so the hang is named.
        var options = _run.Options() with { Timeouts = new TimeoutSettings(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)) };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Hung, run.Exit);
        Assert.Contains("Fixture.Behaviours.Hangs", run.ExitDetail, StringComparison.Ordinal);
        Assert.True(run.FinishedAt - run.StartedAt < TimeSpan.FromSeconds(60), $"took {run.FinishedAt - run.StartedAt}");
    }

    [Fact]
    public async Task The_orchestrators_watchdog_names_a_hanging_test_without_the_blame_collector()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Passes_one", "Hangs"));
        var options = _run.Options() with
        {
            Timeouts = new TimeoutSettings(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)),
            LoggerDirectory = AppContext.BaseDirectory,
        };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Hung, run.Exit);
        Assert.Contains("The test Fixture.Behaviours.Hangs ran longer than the hang timeout of 3 s", run.ExitDetail, StringComparison.Ordinal);
        var output = await File.ReadAllTextAsync(UnitPaths.For(_run.Path, run.UnitId, run.Repetition, run.Attempt).LogPath);
        Assert.DoesNotContain("--blame", output, StringComparison.Ordinal);
        Assert.True(run.FinishedAt - run.StartedAt < TimeSpan.FromSeconds(60), $"took {run.FinishedAt - run.StartedAt}");
    }
}
