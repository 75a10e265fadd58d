using Orchestrator.Results;

namespace Orchestrator.History;

/// <summary>How a recorded outcome reads in the history: one character per run, oldest first (e.g. <c>✓✓✗✓</c>).</summary>
public static class HistoryOutcome
{
    /// <summary>True for an outcome that ran the test to a pass (clean or after a re-run).</summary>
    public static bool IsPass(this TestOutcome outcome) => outcome is TestOutcome.Passed or TestOutcome.Flaky;

    /// <summary>True for an outcome that ended the run failing (failed after retries, or selected and not run).</summary>
    public static bool IsFail(this TestOutcome outcome) => outcome is TestOutcome.Failed or TestOutcome.NotRun;

    public static char Symbol(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => '✓',
        TestOutcome.Flaky => '~',
        TestOutcome.Failed => '✗',
        TestOutcome.NotRun => '?',
        _ => '-',
    };

    /// <summary>The symbols of <paramref name="outcomes"/> in order.</summary>
    public static string Line(IEnumerable<TestOutcome> outcomes) => string.Concat(outcomes.Select(Symbol));

    /// <summary>What the symbols mean, for a report's legend.</summary>
    public const string Legend = "✓ passed, ~ flaky (failed, then passed on a re-run), ✗ failed, ? not run, - skipped; oldest first";
}
