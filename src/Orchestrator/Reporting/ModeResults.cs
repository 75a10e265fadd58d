using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>One mode's repetitions of a selected test: how many passed, its distinct failures and its durations.</summary>
/// <param name="Mode">The mode.</param>
/// <param name="Passed">Repetitions that passed (on a re-run too).</param>
/// <param name="Total">Repetitions that ran the test (a repetition without its result counts as failed).</param>
/// <param name="Diagnosis">Failure messages by first line, repetitions counted within the mode, and durations.</param>
internal sealed record ModeResults(RepetitionMode Mode, int Passed, int Total, RepetitionDiagnosis Diagnosis)
{
    /// <summary>Repetitions the tool could not start, with its reason: not run, neither passed nor failed.</summary>
    public IReadOnlyList<NotRunOccurrence> NotStarted { get; init; } = [];

    public double PassRate => Total == 0 ? 1 : (double)Passed / Total;

    public bool FailedAny => Passed < Total;
}
