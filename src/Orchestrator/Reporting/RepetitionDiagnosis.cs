using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// What many repetitions of one test show (<c>run --repeat N</c>, a cadence's <c>repeat</c>): each distinct failure
/// message with how often it came and the first repetition it came in, and the spread of the durations. A test that
/// fails one time in five with two different messages has two problems, not one.
/// </summary>
internal sealed record RepetitionDiagnosis(IReadOnlyList<RepetitionFailure> Failures, TimeSpan Median, TimeSpan P95, TimeSpan Max)
{
    public static RepetitionDiagnosis Of(MergedTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Of(test.Attempts, firstRepetition: 0);
    }

    /// <summary>The diagnosis of some of a test's attempts (one mode's), repetitions counted from <paramref name="firstRepetition"/>.</summary>
    public static RepetitionDiagnosis Of(IReadOnlyList<TestAttempt> attempts, int firstRepetition)
    {
        var failures = attempts
            .Where(attempt => attempt.Result.Outcome.IsFailure())
            .GroupBy(attempt => FirstLine(attempt.Result.ErrorMessage), StringComparer.Ordinal)
            .Select(group => new RepetitionFailure(group.Key, group.Count(), group.Min(attempt => attempt.Unit.Repetition) - firstRepetition))
            .OrderByDescending(failure => failure.Count)
            .ThenBy(failure => failure.FirstRepetition)
            .ToList();
        var durations = attempts
            .Where(attempt => !attempt.Result.Outcome.IsSkipped())
            .Select(attempt => attempt.Result.Duration)
            .Order()
            .ToList();
        return new RepetitionDiagnosis(failures, Percentile(durations, 0.5), Percentile(durations, 0.95), durations.Count == 0 ? TimeSpan.Zero : durations[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted durations.</summary>
    private static TimeSpan Percentile(List<TimeSpan> sorted, double fraction) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    internal static string FirstLine(string? message)
    {
        var text = (message ?? "").Trim();
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        return line.Length == 0 ? "(no message)" : line;
    }
}
