using System.Collections.Immutable;
using System.Diagnostics;
using System.Xml.Linq;
using Orchestrator.Configuration;
using Orchestrator.Execution;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

[Trait("Category", "Integration")]
public sealed class UnitProcessTests : IClassFixture<FixtureProject>, IDisposable
{
    private readonly FixtureProject _fixture;
    private readonly string _results = Path.Combine(Path.GetTempPath(), "orchestrator-execution-results-" + Guid.NewGuid().ToString("N")[..12]);

    public UnitProcessTests(FixtureProject fixture) => _fixture = fixture;

    public void Dispose()
    {
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    private RunOptions Options(params (string Name, string Value)[] environment) =>
        new RunOptions("run-" + Guid.NewGuid().ToString("N")[..8], _results)
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 2 },
            Timeouts = new TimeoutSettings(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)),
            TestEnvironment = environment.ToImmutableDictionary(pair => pair.Name, pair => pair.Value),
        };

    [Fact]
    public async Task Passing_unit_is_Passed_with_its_trx_and_sees_the_configured_environment()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Passes_one", "Sees_environment"));

        var record = await TestRunner.RunAsync(plan, Options(("FIXTURE_VALUE", "from-orchestrator")), null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Passed, run.Exit);
        Assert.True(File.Exists(run.TrxPath), $"TRX expected at {run.TrxPath}");
        Assert.False(record.Incomplete);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(run.TrxPath)!, "output.log")));
    }

    [Fact]
    public async Task Failing_test_makes_its_unit_TestsFailed()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Passes_one", "Fails"));
        var progress = new RecordingProgress();

        var record = await TestRunner.RunAsync(plan, Options(), null, progress, CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.TestsFailed, run.Exit);
        Assert.Contains("1 test result(s) failed", run.ExitDetail, StringComparison.Ordinal);
        Assert.Contains(progress.Results, result => result.FullyQualifiedName == "Fixture.Behaviours.Fails" && result.Outcome == TestResultOutcome.Failed);
    }

    [Fact]
    public async Task Crashing_host_is_Crashed_with_the_cause_and_keeps_every_expected_test()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Crashes", "Passes_one", "Passes_two"));

        var record = await TestRunner.RunAsync(plan, Options(), null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Crashed, run.Exit);
        Assert.Contains("crashed", run.ExitDetail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, run.ExpectedTests.Count);
    }

    [Fact]
    public async Task Hanging_test_is_Hung_within_the_hang_timeout()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Hangs"));
        // Long enough for the host's report that the test started to arrive on a loaded machine, so the hang is named.
        var options = Options() with { Timeouts = new TimeoutSettings(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)) };

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
        var options = Options() with
        {
            Timeouts = new TimeoutSettings(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)),
            LoggerDirectory = AppContext.BaseDirectory,
        };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Hung, run.Exit);
        Assert.Contains("The test Fixture.Behaviours.Hangs ran longer than the hang timeout of 3 s", run.ExitDetail, StringComparison.Ordinal);
        var output = await File.ReadAllTextAsync(UnitPaths.For(_results, run.UnitId, run.Repetition, run.Attempt).LogPath);
        Assert.DoesNotContain("--blame", output, StringComparison.Ordinal);
        Assert.True(run.FinishedAt - run.StartedAt < TimeSpan.FromSeconds(60), $"took {run.FinishedAt - run.StartedAt}");
    }

    [Fact]
    public async Task A_crashed_host_is_named_with_the_test_it_was_running_without_the_blame_collector()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Crashes_after_working"));
        var progress = UnitPaths.For(_results, "integration-none#1", repetition: 0, attempt: 0).Directory;
        var options = Options(("FIXTURE_PROGRESS_DIR", progress)) with { LoggerDirectory = AppContext.BaseDirectory };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Crashed, run.Exit);
        Assert.Contains("while running Fixture.Behaviours.Crashes_after_working (the last test the host reported starting)", run.ExitDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_running_past_its_timeout_is_TimedOut_and_its_processes_are_gone()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Slow"));
        var started = Path.Combine(_results, "started-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_results);
        var options = Options(("FIXTURE_SLOW_MS", "120000"), ("FIXTURE_STARTED_MARKER", started)) with
        {
            Timeouts = new TimeoutSettings(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)),
        };
        var progress = new RecordingProgress();
        var seen = new HashSet<int>();
        using var watching = new CancellationTokenSource();
        var watcher = WatchTreeAsync(progress, seen, watching.Token);

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
    public async Task Flaky_test_fails_on_attempt_0_and_passes_on_attempt_1()
    {
        var marker = Path.Combine(_results, "flaky-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_results);
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Flaky", "Passes_one"));
        var options = Options(("FIXTURE_FLAKY_MARKER", marker)) with { Retries = 2 };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        Assert.Collection(
            record.Units,
            first => Assert.Equal((0, UnitExit.TestsFailed, 2), (first.Attempt, first.Exit, first.ExpectedTests.Count)),
            retry =>
            {
                Assert.Equal((1, UnitExit.Passed, "integration-none#1#retry1"), (retry.Attempt, retry.Exit, retry.UnitId));
                Assert.Equal([FixtureProject.Test("Flaky")], retry.ExpectedTests);
            });
    }

    [Fact]
    public async Task Long_filter_is_passed_through_a_runsettings_file_and_still_selects_exactly_the_unit()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Passes_one", "Passes_two"));
        var options = Options() with { MaxCommandLineFilterLength = 10 };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Passed, run.Exit);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(run.TrxPath)!, "unit.runsettings")));
        var names = XDocument.Load(run.TrxPath!).Descendants().Where(e => e.Name.LocalName == "UnitTestResult").Select(e => (string?)e.Attribute("testName")).Order().ToList();
        Assert.Equal(["Fixture.Behaviours.Passes_one", "Fixture.Behaviours.Passes_two"], names);
    }

    [Fact]
    public async Task Cancelling_mid_run_kills_the_process_tree_and_records_every_unit_as_cancelled()
    {
        var started = Path.Combine(_results, "started-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_results);
        var plan = FixtureProject.Plan(
            _fixture.Unit("integration-none#1", "integration-none", TimeSpan.FromSeconds(9), Model.ResourceSet.None, "Slow"),
            _fixture.Unit("integration-none#2", "integration-none", TimeSpan.FromSeconds(1), Model.ResourceSet.None, "Passes_one"));
        var options = Options(("FIXTURE_SLOW_MS", "120000"), ("FIXTURE_STARTED_MARKER", started)) with
        {
            Parallelism = ParallelismSettings.Default with { MaxParallelUnits = 1 },
        };
        var progress = new RecordingProgress();
        var seen = new HashSet<int>();
        using var watching = new CancellationTokenSource();
        var watcher = WatchTreeAsync(progress, seen, watching.Token);
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
        var started = Path.Combine(_results, "started-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_results);
        var unit = _fixture.Unit("integration-none#1", "integration-none", TimeSpan.FromSeconds(9), Model.ResourceSet.None, "Passes_one", "Slow");
        // The orchestrator's logger streams each result as it happens (it sits beside this assembly, as beside the CLI).
        var options = Options(("FIXTURE_SLOW_MS", "120000"), ("FIXTURE_STARTED_MARKER", started)) with { LoggerDirectory = AppContext.BaseDirectory };
        var live = UnitPaths.For(_results, unit.Id, 0, 0).LiveResultsPath;
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

    [Fact]
    public async Task Parallel_slots_overlap_and_the_longest_unit_starts_first()
    {
        var plan = FixtureProject.Plan(
            _fixture.Unit("integration-none#short", "integration-none", TimeSpan.FromSeconds(1), Model.ResourceSet.None, "Slow"),
            _fixture.Unit("integration-none#long", "integration-none", TimeSpan.FromSeconds(3), Model.ResourceSet.None, "Slow"),
            _fixture.Unit("integration-none#medium", "integration-none", TimeSpan.FromSeconds(2), Model.ResourceSet.None, "Slow"));
        var options = Options(("FIXTURE_SLOW_MS", "3000"));

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        Assert.All(record.Units, run => Assert.Equal(UnitExit.Passed, run.Exit));
        // Both slots start at the same moment, so only the set of the first two is fixed: the two longest units.
        Assert.Equal(["integration-none#long", "integration-none#medium"], record.Units.Take(2).Select(run => run.UnitId).Order(StringComparer.Ordinal));
        Assert.Equal("integration-none#short", record.Units[2].UnitId);
        var (first, second) = (record.Units[0], record.Units[1]);
        Assert.True(first.StartedAt < second.FinishedAt && second.StartedAt < first.FinishedAt, "the two slots did not run at the same time");
        Assert.True(record.Units[2].StartedAt >= new[] { first.FinishedAt, second.FinishedAt }.Min(), "a third unit ran while both slots were busy");
    }

    /// <summary>Collects the process trees of started units while they run (the test host appears a moment after the unit starts).</summary>
    private static async Task WatchTreeAsync(RecordingProgress progress, HashSet<int> seen, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            foreach (var unit in progress.Started)
            {
                foreach (var pid in FixtureProject.ProcessTree(unit.ProcessId).Where(FixtureProject.IsAlive))
                {
                    seen.Add(pid);
                }
            }
            // Poll interval of this watcher; it stops when the run ends.
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }
}
