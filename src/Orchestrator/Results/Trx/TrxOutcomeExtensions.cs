namespace Orchestrator.Results.Trx;

internal static class TrxOutcomeExtensions
{
    /// <summary>True for outcomes that count as a pass.</summary>
    public static bool IsPassed(this TrxOutcome outcome) =>
        outcome is TrxOutcome.Passed or TrxOutcome.PassedButRunAborted or TrxOutcome.Completed or TrxOutcome.Warning;

    /// <summary>True for a skipped test (the framework chose not to run it).</summary>
    public static bool IsSkipped(this TrxOutcome outcome) =>
        outcome is TrxOutcome.NotExecuted or TrxOutcome.Inconclusive or TrxOutcome.NotRunnable;

    /// <summary>True for every outcome that is neither a pass nor a skip: a failure for the verdict.</summary>
    public static bool IsFailure(this TrxOutcome outcome) => !outcome.IsPassed() && !outcome.IsSkipped();
}
