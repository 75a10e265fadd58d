namespace Orchestrator.History;

/// <summary>One test over a window of its history.</summary>
/// <param name="TestId">The case's identity across runs.</param>
/// <param name="Name">Its display name in its newest run.</param>
/// <param name="Layer">Layer in its newest run.</param>
/// <param name="Unit">Unit in its newest run.</param>
/// <param name="Partition">Partition in its newest run.</param>
/// <param name="Runs">Runs in the window that ran it (skipped ones left out).</param>
/// <param name="FlakyRuns">Runs where it failed and then passed on a re-run, or failed on a commit it also passed on.</param>
/// <param name="FailedRuns">Runs it ended failing (or not run).</param>
/// <param name="FirstSeen">Its oldest record in the store.</param>
/// <param name="LastFailureMessage">The message of its newest failure in the window.</param>
/// <param name="LastFailureAt">When that failure was recorded.</param>
/// <param name="Recent">Its last outcomes, oldest first (see <see cref="HistoryOutcome"/>).</param>
/// <param name="IsNewFailure">It failed in its newest run and passed on the run of the same branch before.</param>
/// <param name="Durations">Its durations: the median of the window, of its newer and its older half.</param>
public sealed record TestHistoryStatistics(
    string TestId,
    string Name,
    string Layer,
    string Unit,
    string Partition,
    int Runs,
    int FlakyRuns,
    int FailedRuns,
    DateTimeOffset FirstSeen,
    string? LastFailureMessage,
    DateTimeOffset? LastFailureAt,
    string Recent,
    bool IsNewFailure,
    DurationTrend Durations)
{
    /// <summary>Flaky runs over runs (0 when it never ran).</summary>
    public double FlakyRate => Runs == 0 ? 0 : (double)FlakyRuns / Runs;

    /// <summary>Failed runs over runs (0 when it never ran).</summary>
    public double FailureRate => Runs == 0 ? 0 : (double)FailedRuns / Runs;
}
