using Orchestrator.Results;

namespace Orchestrator.History;

/// <summary>A run's failing and flaky tests set against their recorded history: new failures versus known flaky ones.</summary>
internal static class RunHistory
{
    /// <param name="previous">Records of earlier runs (records of this run or of the runs it merges are left out).</param>
    /// <param name="current">This run's records.</param>
    /// <param name="window">How far back to look per test.</param>
    public static IReadOnlyList<TestRunHistory> Of(IEnumerable<TestHistoryRecord> previous, IReadOnlyList<TestHistoryRecord> current, HistoryWindow window)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(window);
        var notable = current.Where(record => record.Outcome.IsFail() || record.Outcome == TestOutcome.Flaky).ToList();
        if (notable.Count == 0)
        {
            return [];
        }
        var thisRun = current.Select(record => record.Run).SelectMany(run => run.Parts.Append(run.RunId)).ToHashSet(StringComparer.Ordinal);
        var earlier = previous
            .Where(record => !thisRun.Contains(record.Run.RunId))
            .ToLookup(record => (record.Layer, record.TestId));
        return [.. notable.Select(record =>
        {
            var prior = window.Of(earlier[(record.Layer, record.TestId)], record.Run.RecordedAt);
            var statistics = HistoryAnalysis.Statistics([.. prior, record], window, record.Run.RecordedAt);
            return new TestRunHistory(record.TestId, record.Layer, record.Name, record.Outcome, VerdictOf(prior, record), statistics.Recent, statistics.FlakyRate, statistics.Runs);
        })];
    }

    private static HistoryVerdict VerdictOf(IReadOnlyList<TestHistoryRecord> prior, TestHistoryRecord current)
    {
        if (HistoryAnalysis.FlakyRecords(prior).Count > 0)
        {
            return HistoryVerdict.KnownFlaky;
        }
        var previous = prior.LastOrDefault(record =>
            string.Equals(record.Run.Origin.Branch, current.Run.Origin.Branch, StringComparison.Ordinal) && record.Outcome != TestOutcome.Skipped);
        if (current.Outcome == TestOutcome.Flaky)
        {
            return previous is null ? HistoryVerdict.NoHistory : HistoryVerdict.NewlyFlaky;
        }
        return previous is null ? HistoryVerdict.NoHistory
            : previous.Outcome.IsPass() ? HistoryVerdict.NewFailure
            : HistoryVerdict.StillFailing;
    }
}
