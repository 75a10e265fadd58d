using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Results;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class RetryTests
{
    private static readonly ExecutionUnit Unit = new(
        "unit-none#1",
        "unit-none",
        "unit",
        ResourceSet.None,
        [new TestKey("A.Tests", "A.Passes"), new TestKey("A.Tests", "A.Fails"), new TestKey("A.Tests", "A.NeverRan"), new TestKey("B.Tests", "B.Passes")],
        ["/bin/A.Tests.dll", "/bin/B.Tests.dll"],
        "whatever the planner wrote",
        TimeSpan.FromSeconds(8));

    private static UnitRun Outcome(UnitExit exit, params (string Name, TestResultOutcome Outcome)[] results) =>
        new(Unit.Id, Unit.PartitionId, Unit.Layer, Unit.Resources, 0, 0, Unit.Tests, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, exit, null)
        {
            Results = UnitResultReader.FromLive([.. results.Select(r => new LiveTestResult(r.Name, r.Name, "/bin/x.dll", r.Outcome, TimeSpan.Zero, null))], DateTimeOffset.UnixEpoch, new SecretRedactor()),
        };

    [Fact]
    public void Failed_and_result_less_tests_of_a_crashed_unit_are_re_run_alone_in_the_next_attempt()
    {
        var first = new UnitAttempt(Unit, Unit.Id, 0, 1);
        var outcome = Outcome(UnitExit.Crashed, ("A.Passes", TestResultOutcome.Passed), ("A.Fails", TestResultOutcome.Failed), ("B.Passes", TestResultOutcome.Passed));

        var retry = UnitScheduler.RetryOf(first, outcome, new RunOptions("r", "/results") { Retries = 2 });

        Assert.NotNull(retry);
        Assert.Equal((1, 1, "unit-none#1#retry1"), (retry.Attempt, retry.Repetition, retry.RecordedId));
        Assert.Equal([new TestKey("A.Tests", "A.Fails"), new TestKey("A.Tests", "A.NeverRan")], retry.Unit.Tests);
        Assert.Equal(["/bin/A.Tests.dll"], retry.Unit.Sources);
        Assert.Equal("FullyQualifiedName=A.Fails|FullyQualifiedName=A.NeverRan", retry.Unit.Filter);
    }

    [Fact]
    public void No_re_run_when_retries_are_used_up_or_the_unit_passed_or_was_cancelled()
    {
        var options = new RunOptions("r", "/results") { Retries = 1 };
        var failed = Outcome(UnitExit.TestsFailed, ("A.Fails", TestResultOutcome.Failed));

        Assert.Null(UnitScheduler.RetryOf(new UnitAttempt(Unit, Unit.Id, 1, 0), failed, options));
        Assert.Null(UnitScheduler.RetryOf(new UnitAttempt(Unit, Unit.Id, 0, 0), failed, options with { Retries = 0 }));
        Assert.Null(UnitScheduler.RetryOf(new UnitAttempt(Unit, Unit.Id, 0, 0), Outcome(UnitExit.Cancelled), options));
        Assert.Null(UnitScheduler.RetryOf(
            new UnitAttempt(Unit, Unit.Id, 0, 0),
            Outcome(UnitExit.Passed, ("A.Passes", TestResultOutcome.Passed), ("A.Fails", TestResultOutcome.Passed), ("A.NeverRan", TestResultOutcome.Skipped), ("B.Passes", TestResultOutcome.Passed)),
            options));
    }
}
