using System.Text;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting.Ci;

/// <summary>
/// The CI log lines for a run's failures: one collapsible section per unit process that failed tests, holding an error
/// annotation per test (failed, or selected and not run), at the test's own line of the stack trace when there is one.
/// </summary>
public static class FailureAnnotations
{
    /// <param name="tests">Every merged test; those that fail the build are annotated, quarantined ones are not.</param>
    /// <param name="repositoryRoot">Source files under it are named relative to it, as CI services expect.</param>
    /// <returns>The lines, each ending in a line feed; empty when nothing failed.</returns>
    public static string Render(IEnumerable<MergedTest> tests, ICiLogCommands commands, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(commands);
        var output = new StringBuilder();
        var failures = tests.Where(test => test.IsHardFailure).Select(test => Annotation(test, repositoryRoot));
        foreach (var unit in failures.GroupBy(failure => failure.Unit, StringComparer.Ordinal).OrderBy(unit => unit.Key, StringComparer.Ordinal))
        {
            output.Append(commands.GroupStart($"{unit.Key}: {unit.Count()} failed")).Append('\n');
            foreach (var failure in unit.OrderBy(failure => failure.Title, StringComparer.Ordinal))
            {
                output.Append(commands.ErrorAnnotation(failure.Title, failure.Message, failure.Location)).Append('\n');
            }
            output.Append(commands.GroupEnd()).Append('\n');
        }
        return output.ToString();
    }

    private static Failure Annotation(MergedTest test, string repositoryRoot)
    {
        var title = QualifiedName.Of(test.DisplayName, test.Key.FullyQualifiedName);
        if (test.Outcome == TestOutcome.NotRun && test.NotRun.Count > 0)
        {
            var notRun = test.NotRun[^1];
            return new Failure(notRun.Unit.UnitId, title, notRun.Reason, null);
        }
        var failed = test.Attempts.LastOrDefault(attempt => attempt.Result.Outcome.IsFailure());
        var location = StackTraceLocation.Find(failed?.Result.StackTrace, QualifiedName.ClassOf(test.Key.FullyQualifiedName), repositoryRoot);
        return new Failure(failed?.Unit.UnitId ?? test.PartitionId, title, test.FailureMessage ?? "failed", location);
    }

    private sealed record Failure(string Unit, string Title, string Message, SourceLocation? Location);
}
