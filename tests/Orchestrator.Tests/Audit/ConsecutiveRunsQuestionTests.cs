using Orchestrator.Audit;
using Orchestrator.History;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class ConsecutiveRunsQuestionTests
{
    [Fact]
    public void Without_history_the_answer_is_unknown_and_the_fix_is_to_record_history()
    {
        var item = ConsecutiveRunsQuestion.Evaluate(AuditSample.Facts());

        Assert.Equal(AuditAnswer.Unknown, item.Answer);
        Assert.StartsWith("Record history:", item.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_ten_recorded_runs_are_unknown()
    {
        var item = ConsecutiveRunsQuestion.Evaluate(AuditSample.Facts() with { RecentRuns = AuditSample.Runs(true, true, true) });

        Assert.Equal(AuditAnswer.Unknown, item.Answer);
        Assert.Equal("Only 3 runs are recorded; 10 are needed.", item.Finding);
    }

    [Fact]
    public void Ten_latest_runs_at_100_percent_are_yes_whatever_an_older_run_did()
    {
        var runs = AuditSample.Runs([false, .. Enumerable.Repeat(true, 10)]);

        var item = ConsecutiveRunsQuestion.Evaluate(AuditSample.Facts() with { RecentRuns = runs });

        Assert.Equal(AuditAnswer.Yes, item.Answer);
        Assert.Equal(10, item.Evidence.Length);
        Assert.DoesNotContain(item.Evidence, evidence => evidence.Detail.StartsWith("run run-1:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_run_among_the_latest_ten_is_no_and_named()
    {
        bool[] outcomes = [.. Enumerable.Repeat(true, 10)];
        outcomes[6] = false;

        var item = ConsecutiveRunsQuestion.Evaluate(AuditSample.Facts() with { RecentRuns = AuditSample.Runs(outcomes) });

        Assert.Equal(AuditAnswer.No, item.Answer);
        Assert.Equal("1 of the last 10 runs did not pass every test.", item.Finding);
        Assert.Equal("run run-7: 9 passed, 1 failed — not at 100 %", Assert.Single(item.Evidence).Detail);
    }

    [Fact]
    public void Recent_runs_are_read_from_the_history_oldest_first_and_a_flaky_test_keeps_its_run_from_100_percent()
    {
        var start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        HistoryRun Run(int index) => new($"run-{index}", start.AddHours(index), "pr", new RunOrigin(null, "main", "agent-1"));
        TestHistoryRecord Record(int run, string test, TestOutcome outcome) =>
            new(Run(run), "id-" + test, test, "integration", "integration-postgres#1", "integration-postgres", outcome, 1, TimeSpan.FromSeconds(1), null);

        var runs = RecentRun.From([
            Record(2, "A", TestOutcome.Passed), Record(2, "B", TestOutcome.Flaky), Record(2, "C", TestOutcome.Skipped),
            Record(1, "A", TestOutcome.Passed), Record(1, "B", TestOutcome.Passed),
            Record(3, "A", TestOutcome.Failed), Record(3, "B", TestOutcome.NotRun)]);

        Assert.Equal([new RecentRun("run-1", 2, 0), new RecentRun("run-2", 1, 1), new RecentRun("run-3", 0, 2)], runs);
        Assert.Equal([true, false, false], runs.Select(run => run.AllPassed));
    }
}
