namespace Orchestrator.History;

/// <summary>What the history says about a test that failed or was flaky in this run.</summary>
public enum HistoryVerdict
{
    /// <summary>No earlier run of the test on this branch is recorded.</summary>
    NoHistory,

    /// <summary>Failed now, passed on the previous run of the same branch: look at what changed.</summary>
    NewFailure,

    /// <summary>Failed on the previous run of the same branch too.</summary>
    StillFailing,

    /// <summary>Has been flaky before (a re-run pass, or pass and fail on one commit): probably not this change.</summary>
    KnownFlaky,

    /// <summary>Flaky in this run for the first time in its recorded history.</summary>
    NewlyFlaky,
}
