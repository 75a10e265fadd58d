using System.Security.Cryptography;
using System.Text;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;

namespace Orchestrator.Execution;

/// <summary>
/// The one place a unit's test results are read, when its process ends: from the unit's TRX when VSTest wrote a
/// readable one, else from the results the orchestrator's logger streamed (a host killed on Ctrl+C, a timeout or a
/// hang, or crashed). Every text is redacted here, once; merging and the reports take the results as they are.
/// </summary>
internal static class UnitResultReader
{
    /// <summary>The TRX file's results, redacted; null when the file is missing or not a readable TRX.</summary>
    public static IReadOnlyList<TestCaseResult>? TryReadTrx(string path, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return [.. TrxReader.Read(path).Results.Select(result => Redacted(result, redactor))];
        }
        catch (Exception exception) when (exception is TrxFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The streamed results, keyed as a TRX of them would be; a result without an outcome says nothing the merge
    /// could use, so that test counts as not run.
    /// </summary>
    /// <param name="streamed">Results in the order the logger streamed them.</param>
    /// <param name="finishedAt">End of the unit process: each result is taken to have ended then.</param>
    /// <param name="redactor">Masks the run's secrets.</param>
    public static IReadOnlyList<TestCaseResult> FromLive(IReadOnlyList<LiveTestResult> streamed, DateTimeOffset finishedAt, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(streamed);
        ArgumentNullException.ThrowIfNull(redactor);
        var computer = Environment.MachineName;
        return [.. streamed
            .Where(result => result.Outcome is TestResultOutcome.Passed or TestResultOutcome.Failed or TestResultOutcome.Skipped)
            .Select(result => Redacted(FromLive(result, computer, finishedAt), redactor))];
    }

    private static TestCaseResult FromLive(LiveTestResult result, string computer, DateTimeOffset finishedAt)
    {
        var className = QualifiedName.ClassOf(result.FullyQualifiedName);
        var (definitionClass, method) = className.Length == 0
            ? TrxReader.SplitName(result.DisplayName)
            : (className, result.FullyQualifiedName[(className.Length + 1)..]);
        var definition = new TrxTestDefinition(result.DisplayName, result.Source.ToLowerInvariant(), result.Source, null, definitionClass, method);
        return new TestCaseResult(
            TrxReader.KeyOf(definition) with { Assembly = result.Assembly },
            result.DisplayName,
            result.Outcome switch
            {
                TestResultOutcome.Passed => TrxOutcome.Passed,
                TestResultOutcome.Failed => TrxOutcome.Failed,
                _ => TrxOutcome.NotExecuted,
            },
            result.Duration,
            finishedAt - result.Duration,
            finishedAt,
            string.IsNullOrEmpty(result.ErrorMessage) ? null : result.ErrorMessage,
            string.IsNullOrEmpty(result.StackTrace) ? null : result.StackTrace,
            null,
            null,
            computer,
            Guid.NewGuid().ToString(),
            TestId(result).ToString(),
            definition);
    }

    /// <summary>The platform's id of the case, so a streamed attempt merges with the same case's TRX attempts; a stable hash without it.</summary>
    private static Guid TestId(LiveTestResult result) =>
        result.Id ?? new(SHA256.HashData(Encoding.UTF8.GetBytes($"{result.Source}\n{result.FullyQualifiedName}\n{result.DisplayName}")).AsSpan(0, 16));

    private static TestCaseResult Redacted(TestCaseResult result, SecretRedactor redactor) => result with
    {
        DisplayName = redactor.Redact(result.DisplayName),
        ErrorMessage = Redact(result.ErrorMessage, redactor),
        StackTrace = Redact(result.StackTrace, redactor),
        StdOut = Redact(result.StdOut, redactor),
        StdErr = Redact(result.StdErr, redactor),
        Definition = result.Definition with { Name = redactor.Redact(result.Definition.Name) },
    };

    private static string? Redact(string? text, SecretRedactor redactor) => text is null ? null : redactor.Redact(text);
}
