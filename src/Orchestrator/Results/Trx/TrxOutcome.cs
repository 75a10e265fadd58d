namespace Orchestrator.Results.Trx;

/// <summary>The outcomes a TRX file may give a test result (the <c>outcome</c> attribute).</summary>
public enum TrxOutcome
{
    Passed,
    Failed,
    NotExecuted,
    Error,
    Timeout,
    Aborted,
    Inconclusive,
    PassedButRunAborted,
    NotRunnable,
    Disconnected,
    Warning,
    Completed,
    InProgress,
    Pending,
}
