using System.Diagnostics;
using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>A real unit process stopped from outside (its timeout, a cancelled run): its whole process tree goes and what it streamed is kept.</summary>
[Trait("Category", "Integration")]
public sealed class UnitStopTests(FixtureProject fixture) : IClassFixture<FixtureProject>, IDisposable
{
    private readonly FixtureProject _fixture = fixture;
    private readonly UnitRunDirectory _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Unit_running_past_its_timeout_is_TimedOut_and_its_processes_are_gone()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Slow"));
        var started = _run.Marker("started");
        var options = _run.Options(("FIXTURE_SLOW_MS", "120000"), ("FIXTURE_STARTED_MARKER", started)) with
        {
            Timeouts = new TimeoutSettings(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)),
        };
        var progress = new RecordingProgress();
        var seen = new HashSet<int>();
        using var watching = new CancellationTokenSource();
        var watcher = UnitRunDirectory.WatchTreeAsync(progress, seen, watching.Token);

        var record = await TestRunner.RunAsync(plan, options, null, progress, CancellationToken.None);
        await watching.CancelAsync();
        await watcher;

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.TimedOut, run.Exit);
        Assert.NotEmpty(seen);
        if (File.Exists(started))
        {
            // On a loaded machine the host may not have reached the test before the timeout; when it did, it must be dead too.
            seen.Add(int.Parse(await File.ReadAllTextAsync(started), System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.True(await FixtureProject.EventuallyAsync(() => !seen.Any(FixtureProject.IsAlive), TimeSpan.FromSeconds(30)), "processes of the unit survived: " + string.Join(", ", seen.Where(FixtureProject.IsAlive)));
    }

    [Fact]
    public async Task Cancelling_mid_run_kills_the_process_tree_and_records_every_unit_as_cancelled()
    {
        var started = _run.Marker("started");
        var plan = FixtureProject.Plan(
            _fixture.Unit("integration-none#1", "integration-none", TimeSpan.FromSeconds(9), Model.ResourceSet.None, "Slow"),
            _fixture.Unit("integration-none#2", "integration-none", TimeSpan.FromSeconds(1), Model.ResourceSet.None, "Passes_one"));
        var options = _run.Options(("FIXTURE_SLOW_MS", "120000"), ("FIXTURE_STARTED_MARKER", started)) with
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 1 },
        };
        var progress = new RecordingProgress();
        var seen = new HashSet<int>();
        using var watching = new CancellationTokenSource();
        var watcher = UnitRunDirectory.WatchTreeAsync(progress, seen, watching.Token);
        using var cancel = new CancellationTokenSource();

        var running = TestRunner.RunAsync(plan, options, null, progress, cancel.Token);
        Assert.True(await FixtureProject.EventuallyAsync(() => File.Exists(started), TimeSpan.FromSeconds(60)), "the slow test never started");
        await cancel.CancelAsync();
        var clock = Stopwatch.StartNew();
        var record = await running;
        await watching.CancelAsync();
        await watcher;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"cancellation took {clock.Elapsed}");
        Assert.True(record.Incomplete);
        Assert.Equal(2, record.Units.Count);
        Assert.All(record.Units, run => Assert.Equal(UnitExit.Cancelled, run.Exit));
        var testHost = int.Parse(await File.ReadAllTextAsync(started), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(testHost, seen);
        Assert.True(await FixtureProject.EventuallyAsync(() => !seen.Any(FixtureProject.IsAlive), TimeSpan.FromSeconds(30)), "processes survived: " + string.Join(", ", seen.Where(FixtureProject.IsAlive)));
    }

    [Fact]
    public async Task Results_streamed_before_cancellation_are_the_units_results()
    {
        var started = _run.Marker("started");
        var unit = _fixture.Unit("integration-none#1", "integration-none", TimeSpan.FromSeconds(9), Model.ResourceSet.None, "Passes_one", "Slow");
        // The orchestrator's logger streams each result as it happens (it sits beside this assembly, as beside the CLI).
        var options = _run.Options(("FIXTURE_SLOW_MS", "120000"), ("FIXTURE_STARTED_MARKER", started)) with { LoggerDirectory = AppContext.BaseDirectory };
        var live = UnitPaths.For(_run.Path, unit.Id, 0, 0).LiveResultsPath;
        using var cancel = new CancellationTokenSource();

        var running = TestRunner.RunAsync(FixtureProject.Plan(unit), options, null, new RecordingProgress(), cancel.Token);
        Assert.True(await FixtureProject.EventuallyAsync(() => File.Exists(started), TimeSpan.FromSeconds(60)), "the slow test never started");
        Assert.True(
            await FixtureProject.EventuallyAsync(() => File.Exists(live) && File.ReadAllText(live).Contains("Passes_one", StringComparison.Ordinal), TimeSpan.FromSeconds(30)),
            "the quick test's result was never streamed");
        await cancel.CancelAsync();
        var record = await running;

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Cancelled, run.Exit);
        // VSTest was killed before it wrote a TRX: the results are the ones its logger streamed.
        Assert.Null(run.TrxPath);
        var kept = Assert.Single(run.Results);
        Assert.EndsWith(".Passes_one", kept.Key.FullyQualifiedName, StringComparison.Ordinal);
        Assert.Equal(Orchestrator.Results.Trx.TrxOutcome.Passed, kept.Outcome);
    }
}
