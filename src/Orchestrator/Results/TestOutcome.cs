namespace Orchestrator.Results;

/// <summary>The final outcome of a test after every attempt (re-runs) and repetition.</summary>
public enum TestOutcome
{
    /// <summary>Passed on every attempt that ran it.</summary>
    Passed,

    /// <summary>Failed on some attempt or repetition and passed on another: never hidden, reported with its pass rate.</summary>
    Flaky,

    /// <summary>Failed on its last attempt.</summary>
    Failed,

    /// <summary>Skipped by the test framework.</summary>
    Skipped,

    /// <summary>Selected, but no attempt produced a result (host crash, hang, cancellation, unit not started).</summary>
    NotRun,
}
