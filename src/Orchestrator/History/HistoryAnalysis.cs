using Orchestrator.Results;

namespace Orchestrator.History;

/// <summary>Flaky rates, failure rates, new failures and duration trends, computed from history records alone.</summary>
public static class HistoryAnalysis
{
    /// <summary>Outcomes a report shows per test.</summary>
    public const int RecentOutcomes = 10;

    /// <summary>Slowest tests the analysis lists.</summary>
    public const int SlowestCount = 10;

    /// <summary>Every test of <paramref name="records"/> over <paramref name="window"/>, with the lists <c>orchestrator flaky</c> prints.</summary>
    /// <param name="records">Records of any number of tests and runs, in any order.</param>
    /// <param name="window">How far back to look per test.</param>
    /// <param name="now">The end of the window.</param>
    /// <param name="candidateRate">Flaky rate from which a test is suggested for quarantine.</param>
    public static HistoryReport Analyze(IEnumerable<TestHistoryRecord> records, HistoryWindow window, DateTimeOffset now, double candidateRate)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(window);
        var tests = records
            .GroupBy(record => (record.Layer, record.TestId))
            .Select(test => Statistics([.. test], window, now))
            .Where(test => test.Runs > 0)
            .ToList();
        return new HistoryReport(
            [.. tests.Where(test => test.FlakyRuns > 0).OrderByDescending(test => test.FlakyRate).ThenByDescending(test => test.FlakyRuns).ThenBy(test => test.Name, StringComparer.Ordinal)],
            [.. tests.Where(test => test.IsNewFailure).OrderBy(test => test.Name, StringComparer.Ordinal)],
            [.. tests.OrderByDescending(test => test.Durations.Median).ThenBy(test => test.Name, StringComparer.Ordinal).Take(SlowestCount)],
            [.. tests.Where(test => test.FlakyRuns > 0 && test.FlakyRate >= candidateRate).OrderByDescending(test => test.FlakyRate).ThenBy(test => test.Name, StringComparer.Ordinal)],
            candidateRate,
            tests.Count);
    }

    /// <summary>One test over <paramref name="window"/>.</summary>
    /// <param name="records">Every record of the test, in any order.</param>
    public static TestHistoryStatistics Statistics(IReadOnlyList<TestHistoryRecord> records, HistoryWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(window);
        var inside = window.Of(records, now);
        var ran = inside.Where(record => record.Outcome != TestOutcome.Skipped).ToList();
        var flaky = FlakyRecords(ran);
        var newest = inside.Count > 0 ? inside[^1] : records.MaxBy(record => record.Run.RecordedAt)!;
        var lastFailure = ran.LastOrDefault(record => record.Outcome.IsFail() || record.Outcome == TestOutcome.Flaky);
        return new TestHistoryStatistics(
            newest.TestId,
            newest.Name,
            newest.Layer,
            newest.Unit,
            newest.Partition,
            ran.Count,
            flaky.Count,
            ran.Count(record => record.Outcome.IsFail()),
            records.Min(record => record.Run.RecordedAt),
            lastFailure?.FailureMessage,
            lastFailure?.Run.RecordedAt,
            HistoryOutcome.Line(inside.TakeLast(RecentOutcomes).Select(record => record.Outcome)),
            IsNewFailure(inside),
            DurationTrend.Of([.. ran.Select(record => record.Duration)]));
    }

    /// <summary>
    /// The runs that count as flaky: the test failed and then passed on a re-run within the run, or it failed on a commit
    /// it also passed on in another run (the failure did not come from the code).
    /// </summary>
    /// <param name="records">One test's records.</param>
    public static IReadOnlyList<TestHistoryRecord> FlakyRecords(IEnumerable<TestHistoryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        var passedCommits = list
            .Where(record => record.Run.Origin.Commit is not null && record.Outcome.IsPass())
            .Select(record => record.Run.Origin.Commit!)
            .ToHashSet(StringComparer.Ordinal);
        return [.. list.Where(record => record.Outcome == TestOutcome.Flaky
            || (record.Outcome.IsFail() && record.Run.Origin.Commit is { } commit && passedCommits.Contains(commit)))];
    }

    /// <summary>The newest record failed, and the record before it on the same branch passed.</summary>
    /// <param name="records">One test's records, oldest first.</param>
    public static bool IsNewFailure(IReadOnlyList<TestHistoryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count < 2 || !records[^1].Outcome.IsFail())
        {
            return false;
        }
        var branch = records[^1].Run.Origin.Branch;
        var previous = records.Take(records.Count - 1).LastOrDefault(record =>
            string.Equals(record.Run.Origin.Branch, branch, StringComparison.Ordinal) && record.Outcome != TestOutcome.Skipped);
        return previous is not null && previous.Outcome.IsPass();
    }
}
