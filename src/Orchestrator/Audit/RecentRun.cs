using Orchestrator.History;
using Orchestrator.Results;

namespace Orchestrator.Audit;

/// <summary>The outcome of one earlier run of the suite, oldest first in a list: what the consecutive-runs question reads.</summary>
/// <param name="Id">The run's id, named in the evidence.</param>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed or were selected and not run.</param>
public sealed record RecentRun(string Id, int Passed, int Failed)
{
    /// <summary>Every test passed: a run at 100 %.</summary>
    public bool AllPassed => Failed == 0 && Passed > 0;

    /// <summary>
    /// The runs the history holds, oldest first: a test counts as passed only when it passed at once, since a run that
    /// needed a re-run for a flaky test was not at 100 %.
    /// </summary>
    public static IReadOnlyList<RecentRun> From(IEnumerable<TestHistoryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [.. records
            .Where(record => record.Outcome != TestOutcome.Skipped)
            .GroupBy(record => record.Run.RunId, StringComparer.Ordinal)
            .OrderBy(run => run.First().Run.RecordedAt)
            .Select(run => new RecentRun(run.Key, run.Count(record => record.Outcome == TestOutcome.Passed), run.Count(record => record.Outcome != TestOutcome.Passed)))];
    }
}
