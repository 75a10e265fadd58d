using System.Globalization;
using System.Text;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>
/// The summary's section for <c>run --repeat N --mode</c>: each selected test's pass rate in each mode, its verdict
/// (an isolation problem when it fails only alongside the other tests of its unit), its distinct failure messages with
/// counts and first repetition, its durations, and where <c>--until-fail</c> stopped.
/// </summary>
internal static class MarkdownRepetitions
{
    public static void Append(StringBuilder md, MergedRun run, RepeatRecord repeat)
    {
        var modes = string.Join(" and ", repeat.Modes.Select(RepetitionStop.ModeName));
        md.AppendLine(CultureInfo.InvariantCulture, $"### Pass rates across {repeat.Count} repetitions, {modes}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Alone runs the selected tests by themselves, one repetition at a time; alongside runs each with the other tests of its unit in a normal run, in parallel. Each repetition has namespaces of its own.");
        md.AppendLine();
        foreach (var stop in RepetitionStop.Of(run))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{MarkdownText.Cell(stop.Sentence, 600)}**");
        }
        var comparisons = RepetitionComparison.Of(run);
        var unstable = comparisons.Where(comparison => comparison.Verdict != RepetitionVerdict.Stable).ToList();
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{comparisons.Count - unstable.Count} selected test(s) passed in every repetition.");
        md.AppendLine();
        if (unstable.Count == 0)
        {
            return;
        }
        md.Append("| Test | Verdict |");
        md.AppendJoin("", repeat.Modes.Select(mode => $" Passed {RepetitionStop.ModeName(mode)} | Pass rate {RepetitionStop.ModeName(mode)} |"));
        md.AppendLine();
        md.Append("|---|---|");
        md.AppendJoin("", repeat.Modes.Select(_ => "---:|---:|"));
        md.AppendLine();
        foreach (var comparison in unstable)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.Code(comparison.Test.DisplayName)} | {VerdictName(comparison.Verdict)} |");
            foreach (var mode in repeat.Modes)
            {
                md.Append(comparison.Modes.FirstOrDefault(results => results.Mode == mode) is { } results
                    ? $" {results.Passed}/{results.Total} | {ReportFormat.Rate(results.PassRate)} |"
                    : " — | — |");
            }
            md.AppendLine();
        }
        md.AppendLine();
        foreach (var comparison in unstable)
        {
            if (comparison.Verdict == RepetitionVerdict.IsolationProblem)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"{MarkdownText.Code(comparison.Test.DisplayName)} is an isolation problem, not a flaky test: {MarkdownText.Cell(comparison.Explanation, 800)}");
                md.AppendLine();
            }
            foreach (var results in comparison.Modes)
            {
                var diagnosis = results.Diagnosis;
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"{MarkdownText.Code(comparison.Test.DisplayName)} {RepetitionStop.ModeName(results.Mode)}: durations median {ReportFormat.Duration(diagnosis.Median)}, p95 {ReportFormat.Duration(diagnosis.P95)}, max {ReportFormat.Duration(diagnosis.Max)}; failures:{(diagnosis.Failures.Count == 0 ? " none" : "")}");
                md.AppendLine();
                foreach (var failure in diagnosis.Failures)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {failure.Count}× (first in repetition {failure.FirstRepetition + 1}) {MarkdownText.Cell(failure.Message, 300)}");
                }
                if (diagnosis.Failures.Count > 0)
                {
                    md.AppendLine();
                }
            }
        }
    }

    public static string VerdictName(RepetitionVerdict verdict) => verdict switch
    {
        RepetitionVerdict.IsolationProblem => "isolation problem",
        RepetitionVerdict.Flaky => "flaky",
        RepetitionVerdict.Failing => "failing",
        _ => "stable",
    };
}
