using Orchestrator.Results.Trx;

namespace Orchestrator.Execution;

/// <summary>
/// A unit's TRX file as execution needs it: progress after the unit ends, which tests failed
/// (re-runs) and which tests have a result at all. Reading is the reporting stage's <see cref="TrxReader"/>.
/// </summary>
internal static class TrxOutcomes
{
    /// <summary>The file's results, or null when it is missing or not a readable TRX.</summary>
    public static IReadOnlyList<LiveTestResult>? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return [.. TrxReader.Read(path).Results.Select(result => new LiveTestResult(
                result.Key.FullyQualifiedName,
                result.DisplayName,
                result.Definition.CodeBase ?? result.Key.Assembly,
                ToOutcome(result.Outcome),
                result.Duration,
                result.ErrorMessage))];
        }
        catch (Exception exception) when (exception is TrxFormatException or IOException)
        {
            return null;
        }
    }

    private static TestResultOutcome ToOutcome(TrxOutcome outcome) =>
        outcome.IsPassed() ? TestResultOutcome.Passed
        : outcome.IsSkipped() ? TestResultOutcome.Skipped
        : TestResultOutcome.Failed;
}
