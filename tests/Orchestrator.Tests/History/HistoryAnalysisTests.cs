using Orchestrator.History;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Tests.History;

[Trait("Category", "Unit")]
public sealed class HistoryAnalysisTests
{
    private static readonly DateTimeOffset _start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_test_that_failed_then_passed_on_a_rerun_counts_flaky_in_that_run()
    {
        var records = Runs("Shop.Tests.Orders", TestOutcome.Passed, TestOutcome.Flaky, TestOutcome.Passed, TestOutcome.Passed);

        var statistics = HistoryAnalysis.Statistics(records, HistoryWindow.Default, Now(records));

        Assert.Equal((4, 1, 0), (statistics.Runs, statistics.FlakyRuns, statistics.FailedRuns));
        Assert.Equal(0.25, statistics.FlakyRate);
        Assert.Equal("✓~✓✓", statistics.Recent);
    }

    [Fact]
    public void Failing_on_a_commit_that_also_passed_counts_flaky_while_failing_on_a_new_commit_does_not()
    {
        List<TestHistoryRecord> records =
        [
            Record("T", 0, TestOutcome.Passed, commit: "aaa"),
            Record("T", 1, TestOutcome.Failed, commit: "aaa"),
            Record("T", 2, TestOutcome.Failed, commit: "bbb"),
        ];

        var statistics = HistoryAnalysis.Statistics(records, HistoryWindow.Default, Now(records));

        Assert.Equal(1, statistics.FlakyRuns);
        Assert.Equal(2, statistics.FailedRuns);
        Assert.Equal(2.0 / 3, statistics.FailureRate, 6);
    }

    [Fact]
    public void A_failure_after_a_pass_on_the_same_branch_is_new_and_one_after_a_pass_on_another_branch_is_not()
    {
        List<TestHistoryRecord> afterPass = [Record("T", 0, TestOutcome.Passed, branch: "main"), Record("T", 1, TestOutcome.Failed, branch: "main")];
        List<TestHistoryRecord> afterOtherBranch =
            [Record("T", 0, TestOutcome.Failed, branch: "main"), Record("T", 1, TestOutcome.Passed, branch: "feature"), Record("T", 2, TestOutcome.Failed, branch: "main")];

        Assert.True(HistoryAnalysis.IsNewFailure(afterPass));
        Assert.False(HistoryAnalysis.IsNewFailure(afterOtherBranch));
    }

    [Fact]
    public void The_window_keeps_each_tests_last_runs_within_the_days()
    {
        var records = Runs("T", Enumerable.Repeat(TestOutcome.Passed, 10).ToArray());
        var now = Now(records);

        Assert.Equal(4, new HistoryWindow(4, null).Of(records, now).Count);
        Assert.Equal(3, new HistoryWindow(null, 2).Of(records, now).Count);
        Assert.Equal(records[^4..], new HistoryWindow(4, null).Of(records, now));
    }

    [Fact]
    public void Analysis_lists_flaky_tests_by_rate_new_failures_and_candidates_from_the_threshold()
    {
        List<TestHistoryRecord> records =
        [
            .. Runs("Often", TestOutcome.Flaky, TestOutcome.Flaky, TestOutcome.Passed, TestOutcome.Passed),
            .. Runs("Rarely", TestOutcome.Flaky, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed),
            .. Runs("Broken", TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Failed),
            .. Runs("Steady", TestOutcome.Passed, TestOutcome.Passed),
        ];

        var report = HistoryAnalysis.Analyze(records, HistoryWindow.Default, Now(records), 0.2);

        Assert.Equal(["Often", "Rarely"], report.Flaky.Select(test => test.Name));
        Assert.Equal(["Broken"], report.NewFailures.Select(test => test.Name));
        Assert.Equal(["Often"], report.QuarantineCandidates.Select(test => test.Name));
        Assert.Equal(4, report.Tests);
    }

    [Fact]
    public void Slowest_tests_carry_the_median_of_their_newer_half_against_their_older_half()
    {
        var records = Runs("Slow", TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed)
            .Select((record, index) => record with { Duration = TimeSpan.FromSeconds(index < 2 ? 1 : 3) })
            .ToList();

        var slowest = Assert.Single(HistoryAnalysis.Analyze(records, HistoryWindow.Default, Now(records), 0.1).Slowest);

        Assert.Equal(TimeSpan.FromSeconds(3), slowest.Durations.Recent);
        Assert.Equal(TimeSpan.FromSeconds(1), slowest.Durations.Earlier);
        Assert.Equal(3.0, slowest.Durations.Ratio);
    }

    [Fact]
    public void A_runs_failure_after_a_pass_is_a_new_failure_and_one_with_flaky_history_is_known_flaky()
    {
        var previous = Runs("New", TestOutcome.Passed, TestOutcome.Passed)
            .Concat(Runs("Known", TestOutcome.Passed, TestOutcome.Flaky))
            .Concat(Runs("Still", TestOutcome.Passed, TestOutcome.Failed))
            .ToList();
        var run = Run(2);
        List<TestHistoryRecord> current =
        [
            Record("New", 2, TestOutcome.Failed) with { Run = run },
            Record("Known", 2, TestOutcome.Failed) with { Run = run },
            Record("Still", 2, TestOutcome.Failed) with { Run = run },
            Record("Fine", 2, TestOutcome.Passed) with { Run = run },
        ];

        var notes = RunHistory.Of(previous, current, HistoryWindow.Default).ToDictionary(note => note.Name);

        Assert.Equal(3, notes.Count);
        Assert.Equal(HistoryVerdict.NewFailure, notes["New"].Verdict);
        Assert.Equal("✓✓✗", notes["New"].Recent);
        Assert.Equal(HistoryVerdict.KnownFlaky, notes["Known"].Verdict);
        Assert.Equal(HistoryVerdict.StillFailing, notes["Still"].Verdict);
    }

    [Fact]
    public void A_merged_run_is_not_set_against_the_records_of_its_own_shards()
    {
        var shard = Record("T", 0, TestOutcome.Failed) with { Run = Run(0) with { RunId = "shard-a" } };
        var merged = Record("T", 1, TestOutcome.Failed) with { Run = Run(1) with { RunId = "shard-a+shard-b" } };

        var note = Assert.Single(RunHistory.Of([shard], [merged], HistoryWindow.Default));

        Assert.Equal(HistoryVerdict.NoHistory, note.Verdict);
        Assert.Equal("✗", note.Recent);
    }

    private static List<TestHistoryRecord> Runs(string name, params TestOutcome[] outcomes) =>
        [.. outcomes.Select((outcome, index) => Record(name, index, outcome))];

    private static TestHistoryRecord Record(string name, int run, TestOutcome outcome, string? commit = null, string? branch = "main") =>
        new(Run(run) with { Origin = new RunOrigin(commit, branch, "agent-1") }, "id-" + name, name, "unit", "unit-1", "unit", outcome,
            outcome == TestOutcome.Flaky ? 2 : 1, TimeSpan.FromMilliseconds(100), outcome.IsPass() && outcome != TestOutcome.Flaky ? null : $"{name} failed");

    private static HistoryRun Run(int index) => new($"run-{index}", _start.AddDays(index), "commit", new RunOrigin(null, "main", "agent-1"));

    private static DateTimeOffset Now(IEnumerable<TestHistoryRecord> records) => records.Max(record => record.Run.RecordedAt);
}
