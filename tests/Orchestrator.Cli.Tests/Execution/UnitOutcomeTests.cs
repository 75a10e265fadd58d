using System.Xml.Linq;
using Orchestrator.Execution;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>How a real unit process ends when its tests pass, fail, crash the host or flake, and how its filter reaches VSTest.</summary>
[Trait("Category", "Integration")]
public sealed class UnitOutcomeTests(FixtureProject fixture) : IClassFixture<FixtureProject>, IDisposable
{
    private readonly FixtureProject _fixture = fixture;
    private readonly UnitRunDirectory _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Passing_unit_is_Passed_with_its_trx_and_sees_the_configured_environment()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Passes_one", "Sees_environment"));

        var record = await TestRunner.RunAsync(plan, _run.Options(("FIXTURE_VALUE", "from-orchestrator")), null, new RecordingProgress(), CancellationToken.None);

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

        var record = await TestRunner.RunAsync(plan, _run.Options(), null, progress, CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.TestsFailed, run.Exit);
        Assert.Contains("1 test result(s) failed", run.ExitDetail, StringComparison.Ordinal);
        Assert.Contains(progress.Results, result => result.FullyQualifiedName == "Fixture.Behaviours.Fails" && result.Outcome == TestResultOutcome.Failed);
    }

    [Fact]
    public async Task Crashing_host_is_Crashed_with_the_cause_and_keeps_every_expected_test()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Crashes", "Passes_one", "Passes_two"));

        var record = await TestRunner.RunAsync(plan, _run.Options(), null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Crashed, run.Exit);
        Assert.Contains("crashed", run.ExitDetail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, run.ExpectedTests.Count);
    }

    [Fact]
    public async Task A_crashed_host_is_named_with_the_test_it_was_running_without_the_blame_collector()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Crashes_after_working"));
        var progress = UnitPaths.For(_run.Path, "integration-none#1", repetition: 0, attempt: 0).Directory;
        var options = _run.Options(("FIXTURE_PROGRESS_DIR", progress)) with { LoggerDirectory = AppContext.BaseDirectory };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Crashed, run.Exit);
        // Its start reached the orchestrator, but the crash's stack (or VSTest's blame collector) is what names it as running.
        Assert.Contains("while running Fixture.Behaviours.Crashes_after_working", run.ExitDetail, StringComparison.Ordinal);
        Assert.DoesNotContain("the last test start that reached the orchestrator", run.ExitDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crashed_host_is_named_with_the_test_on_its_crash_stack_when_no_test_start_reached_the_orchestrator()
    {
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Crashes"));

        var record = await TestRunner.RunAsync(plan, _run.Options(), null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Crashed, run.Exit);
        // Named from the crash's stack in the host's output, or by VSTest itself when its blame collector gets to say it first.
        Assert.Contains("while running Fixture.Behaviours.Crashes", run.ExitDetail, StringComparison.Ordinal);
        Assert.Contains("at Fixture.Behaviours.Crashes()", await File.ReadAllTextAsync(UnitPaths.For(_run.Path, "integration-none#1", repetition: 0, attempt: 0).LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flaky_test_fails_on_attempt_0_and_passes_on_attempt_1()
    {
        var marker = _run.Marker("flaky");
        var plan = FixtureProject.Plan(_fixture.Unit("integration-none#1", "Flaky", "Passes_one"));
        var options = _run.Options(("FIXTURE_FLAKY_MARKER", marker)) with { Retries = 2 };

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
        var options = _run.Options() with { MaxCommandLineFilterLength = 10 };

        var record = await TestRunner.RunAsync(plan, options, null, new RecordingProgress(), CancellationToken.None);

        var run = Assert.Single(record.Units);
        Assert.Equal(UnitExit.Passed, run.Exit);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(run.TrxPath)!, "unit.runsettings")));
        var names = XDocument.Load(run.TrxPath!).Descendants().Where(e => e.Name.LocalName == "UnitTestResult").Select(e => (string?)e.Attribute("testName")).Order().ToList();
        Assert.Equal(["Fixture.Behaviours.Passes_one", "Fixture.Behaviours.Passes_two"], names);
    }
}
