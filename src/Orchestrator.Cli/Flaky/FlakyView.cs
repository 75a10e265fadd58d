using System.Globalization;
using System.Text;
using System.Text.Json;
using Orchestrator.History;

namespace Orchestrator.Cli.Flaky;

/// <summary>How <c>orchestrator flaky</c> prints a <see cref="HistoryReport"/>: plain text for people, JSON for scripts.</summary>
internal static class FlakyView
{
    public static string ToJson(HistoryReport report) => JsonSerializer.Serialize(report, FlakyJsonContext.Default.HistoryReport);

    public static string ToText(HistoryReport report, HistoryWindow window, string location)
    {
        var text = new StringBuilder();
        var span = window.Days is { } days ? $"their last {window.Runs} runs within {days} days" : $"their last {window.Runs} runs";
        text.AppendLine(CultureInfo.InvariantCulture, $"History of {report.Tests} test(s) over {span} ({location}).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Recent outcomes: {HistoryOutcome.Legend}.");
        Section(text, $"Flaky tests by flaky rate ({report.Flaky.Count})", report.Flaky, test =>
            $"{Rate(test.FlakyRate),5} flaky {test.FlakyRuns}/{test.Runs}, failed {test.FailedRuns}/{test.Runs}  {test.Name}  [{test.Layer} / {test.Partition} / {test.Unit}]  {test.Recent}  first seen {Day(test.FirstSeen)}{LastFailure(test)}");
        Section(text, $"New failures: failed in their newest run after a pass on the same branch ({report.NewFailures.Count})", report.NewFailures, test =>
            $"{test.Name}  [{test.Layer} / {test.Partition}]  {test.Recent}{LastFailure(test)}");
        Section(text, $"Slowest tests: median duration, newer half against older half ({report.Slowest.Count})", report.Slowest, test =>
            $"{Seconds(test.Durations.Median),8}  {Trend(test.Durations),-8}  {test.Name}");
        Section(text, $"Quarantine candidates: flaky rate of {Rate(report.CandidateRate)} or more ({report.QuarantineCandidates.Count})", report.QuarantineCandidates, test =>
            $"{Rate(test.FlakyRate),5}  {test.Name}");
        if (report.QuarantineCandidates.Count > 0)
        {
            text.AppendLine("Quarantine is never automatic: add an entry with its test, owner, reason and expiry to the cadence's \"quarantine\" in orchestrator.json.");
        }
        return text.ToString().TrimEnd();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<TestHistoryStatistics> tests, Func<TestHistoryStatistics, string> line)
    {
        text.AppendLine();
        text.AppendLine(title);
        foreach (var test in tests)
        {
            text.AppendLine("  " + line(test));
        }
        if (tests.Count == 0)
        {
            text.AppendLine("  (none)");
        }
    }

    private static string LastFailure(TestHistoryStatistics test) =>
        test.LastFailureMessage is { } message ? $"  last failure {Day(test.LastFailureAt!.Value)}: {FirstLine(message)}" : "";

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    private static string Trend(DurationTrend trend) => trend.Ratio is { } ratio
        ? (ratio >= 1 ? "+" : "-") + Math.Abs(ratio - 1).ToString("0%", CultureInfo.InvariantCulture)
        : "(new)";

    private static string Rate(double rate) => rate.ToString("0%", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
