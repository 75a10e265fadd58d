namespace Orchestrator.Results;

/// <summary>
/// The final counts of a run and its exit code. Each test case is counted exactly once:
/// <see cref="Passed"/> (passed cleanly, quarantined or not), <see cref="Flaky"/> (failed, then passed),
/// <see cref="Failed"/>, <see cref="NotRun"/> (selected, no result), <see cref="Skipped"/>, and
/// <see cref="Quarantined"/> (quarantined tests that did not pass: they never fail the build).
/// </summary>
/// <param name="Incomplete">The run was cancelled or aborted before every unit ran: it fails.</param>
/// <param name="FlakyFailsBuild">Policy the exit code was computed with.</param>
public sealed record RunVerdict(
    int Passed,
    int Failed,
    int Flaky,
    int Skipped,
    int NotRun,
    int Quarantined,
    bool Incomplete,
    bool FlakyFailsBuild)
{
    /// <summary>Exit code for tests that failed, did not run, or a run that did not complete.</summary>
    public const int FailureExitCode = 1;

    public int Total => Passed + Failed + Flaky + Skipped + NotRun + Quarantined;

    /// <summary>Errors outside the tests (<see cref="RunRecord.Problems"/>): each fails the run.</summary>
    public int Problems { get; init; }

    /// <summary>
    /// Of <see cref="Flaky"/>, the tests that failed only because another unit shared their container and passed on a
    /// re-run with a container of their own: an isolation problem, not flakiness. They fail the build, since the next run
    /// that shares the container fails them again, and the fix (a <c>dedicated</c> resource) is in the configuration.
    /// </summary>
    public int IsolationProblems { get; init; }

    /// <summary>Of <see cref="Passed"/>, the tests whose pass was reused from the result cache instead of run.</summary>
    public int Cached { get; init; }

    /// <summary>Flaky tests that are not isolation problems: the flaky column of every report.</summary>
    internal int PlainFlaky => Flaky - IsolationProblems;

    /// <summary>Failed tests with the isolation problems, which fail the build as they do: the failed column of every report.</summary>
    internal int FailedWithIsolationProblems => Failed + IsolationProblems;

    /// <summary>True when the build passes: nothing failed or went unrun, no isolation problem, no problem outside the tests, the run completed, and flaky tests are tolerated.</summary>
    public bool Succeeded => Failed == 0 && NotRun == 0 && IsolationProblems == 0 && Problems == 0 && !Incomplete && (!FlakyFailsBuild || Flaky == 0);

    /// <summary>0 when <see cref="Succeeded"/>, otherwise <see cref="FailureExitCode"/>.</summary>
    public int ExitCode => Succeeded ? 0 : FailureExitCode;

    /// <summary>
    /// <c>N passed, N failed, N skipped</c>: passed includes flaky tests and quarantined tests that passed;
    /// failed includes tests that were not run and isolation problems; quarantined tests that did not pass are in neither.
    /// </summary>
    public string SummaryLine => $"{Passed + PlainFlaky} passed, {Failed + NotRun + IsolationProblems} failed, {Skipped} skipped";

    /// <summary>
    /// The reports' headline: <see cref="SummaryLine"/> with flaky tests counted apart from those that passed
    /// cleanly (<c>796 passed, 1 flaky, 0 failed, 0 skipped</c>), as the tables beside it count them. The console's
    /// last line stays <see cref="SummaryLine"/>, the form CI scripts parse.
    /// </summary>
    public string Headline => Cached == 0 ? Counts : $"{Counts} ({Cached} of them from the result cache)";

    private string Counts => (PlainFlaky, IsolationProblems) switch
    {
        (0, 0) => SummaryLine,
        (var flaky, 0) => $"{Passed} passed, {flaky} flaky, {Failed + NotRun} failed, {Skipped} skipped",
        (var flaky, var isolation) => $"{Passed} passed, {flaky} flaky, {isolation} isolation problem(s), {Failed + NotRun} failed, {Skipped} skipped",
    };

    public static RunVerdict From(IEnumerable<MergedTest> tests, bool incomplete, bool flakyFailsBuild)
    {
        ArgumentNullException.ThrowIfNull(tests);
        int passed = 0, failed = 0, flaky = 0, skipped = 0, notRun = 0, quarantined = 0, cached = 0;
        foreach (var test in tests)
        {
            cached += test.Cached ? 1 : 0;
            if (test.Quarantined && test.Outcome is not (TestOutcome.Passed or TestOutcome.Skipped))
            {
                quarantined++;
                continue;
            }
            switch (test.Outcome)
            {
                case TestOutcome.Passed: passed++; break;
                case TestOutcome.Flaky: flaky++; break;
                case TestOutcome.Failed: failed++; break;
                case TestOutcome.Skipped: skipped++; break;
                case TestOutcome.NotRun: notRun++; break;
                default: throw new ArgumentOutOfRangeException(nameof(tests), test.Outcome, "Unknown test outcome.");
            }
        }
        return new RunVerdict(passed, failed, flaky, skipped, notRun, quarantined, incomplete, flakyFailsBuild) { Cached = cached };
    }
}
