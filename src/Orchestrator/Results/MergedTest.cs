using Orchestrator.Model;
using Orchestrator.Results.Trx;

namespace Orchestrator.Results;

/// <summary>
/// One test case (a theory row is its own case) with every attempt of every repetition and the final outcome.
/// </summary>
/// <param name="Layer">Layer of the unit that ran it.</param>
/// <param name="PartitionId">Partition of the unit that first ran it.</param>
/// <param name="Key">Schedulable key (assembly and method); theory rows share it.</param>
/// <param name="DisplayName">The case's display name, redacted.</param>
/// <param name="TestId">Id of the case's definition, unique within its layer.</param>
/// <param name="Outcome">Final outcome over all attempts and repetitions.</param>
/// <param name="Quarantined">True when a cadence quarantine pattern matches: it never fails the build.</param>
/// <param name="Attempts">Every result, ordered by repetition, attempt and start.</param>
/// <param name="NotRun">Repetitions in which the case produced no result, with the cause.</param>
/// <param name="RepetitionOutcomes">Outcome in each repetition, by repetition number.</param>
public sealed record MergedTest(
    string Layer,
    string PartitionId,
    TestKey Key,
    string DisplayName,
    string TestId,
    TestOutcome Outcome,
    bool Quarantined,
    IReadOnlyList<TestAttempt> Attempts,
    IReadOnlyList<NotRunOccurrence> NotRun,
    IReadOnlyList<TestOutcome> RepetitionOutcomes)
{
    /// <summary>True when the test's result was reused from the result cache, not run.</summary>
    public bool Cached => Attempts.Count > 0 && Attempts.All(attempt => attempt.Unit.Cached);

    /// <summary>Attempts that passed.</summary>
    public int PassedAttempts => Attempts.Count(attempt => attempt.Result.Outcome.IsPassed());

    /// <summary>Attempts that ran (passed or failed), plus repetitions without a result.</summary>
    public int ExecutedAttempts => Attempts.Count(attempt => !attempt.Result.Outcome.IsSkipped()) + NotRun.Count;

    /// <summary>Passed attempts over executed attempts (1 when nothing ran).</summary>
    public double PassRate => ExecutedAttempts == 0 ? 1 : (double)PassedAttempts / ExecutedAttempts;

    /// <summary>Repetitions whose outcome was a pass (clean or flaky).</summary>
    public int PassedRepetitions => RepetitionOutcomes.Count(outcome => outcome is TestOutcome.Passed or TestOutcome.Flaky);

    /// <summary>Duration of the last attempt (zero when it never ran).</summary>
    public TimeSpan Duration => Attempts.Count == 0 ? TimeSpan.Zero : Attempts[^1].Result.Duration;

    /// <summary>Why the test failed: the not-run cause or the last failure message.</summary>
    public string? FailureMessage =>
        NotRun.Count > 0 ? NotRun[^1].Reason : Attempts.LastOrDefault(attempt => attempt.Result.Outcome.IsFailure())?.Result.ErrorMessage;

    /// <summary>True when the outcome fails the build before policy (failed or not run), and the test is not quarantined.</summary>
    public bool IsHardFailure => !Quarantined && Outcome is TestOutcome.Failed or TestOutcome.NotRun;
}
