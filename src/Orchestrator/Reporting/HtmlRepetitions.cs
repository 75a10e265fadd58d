using System.Globalization;
using System.Text;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>The report's section for <c>run --repeat N --mode</c>: the same comparison as the summary's, mode by mode.</summary>
internal static class HtmlRepetitions
{
    public static void Append(StringBuilder html, MergedRun run)
    {
        if (run.Record.Repeat is not { } repeat)
        {
            return;
        }
        var modes = repeat.Modes.Select(RepetitionStop.ModeName).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"repetitions\"><h2>Pass rates across {repeat.Count} repetitions, {E(string.Join(" and ", modes))}</h2>\n");
        html.Append("<p class=\"note\">Alone runs the selected tests by themselves, one repetition at a time; alongside runs each with the other tests of its unit in a normal run, in parallel. Each repetition has namespaces of its own.</p>\n");
        foreach (var stop in RepetitionStop.Of(run))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"banner stopped\" data-mode=\"{E(RepetitionStop.ModeName(stop.Mode))}\">{E(stop.Sentence)}</p>\n");
        }
        html.Append("<table><thead><tr><th>Test</th><th>Verdict</th>");
        foreach (var mode in modes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>Pass rate {E(mode)}</th><th>Durations {E(mode)} (median, p95, max)</th><th>Failures {E(mode)}</th>");
        }
        html.Append("</tr></thead><tbody>\n");
        foreach (var comparison in RepetitionComparison.Of(run))
        {
            var verdict = MarkdownRepetitions.VerdictName(comparison.Verdict);
            html.Append(CultureInfo.InvariantCulture, $"<tr data-test=\"{E(comparison.Test.DisplayName)}\" data-verdict=\"{E(verdict)}\"><td>{E(comparison.Test.DisplayName)}</td><td>{E(verdict)}</td>");
            foreach (var mode in repeat.Modes)
            {
                if (comparison.Modes.FirstOrDefault(results => results.Mode == mode) is not { } results)
                {
                    html.Append("<td>—</td><td>—</td><td>—</td>");
                    continue;
                }
                var diagnosis = results.Diagnosis;
                html.Append(CultureInfo.InvariantCulture, $"<td>{results.Passed}/{results.Total} ({E(ReportFormat.Rate(results.PassRate))})</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(ReportFormat.Duration(diagnosis.Median))}, {E(ReportFormat.Duration(diagnosis.P95))}, {E(ReportFormat.Duration(diagnosis.Max))}</td><td><ul>");
                foreach (var failure in diagnosis.Failures)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{failure.Count}× (first in repetition {failure.FirstRepetition + 1}) {E(MarkdownText.Truncate(failure.Message, 300))}</li>");
                }
                html.Append("</ul></td>");
            }
            html.Append("</tr>\n");
            if (comparison.Verdict == RepetitionVerdict.IsolationProblem)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"isolation\"><td colspan=\"{2 + (3 * modes.Count)}\">{E(comparison.Test.DisplayName)} is an isolation problem, not a flaky test: {E(comparison.Explanation)}</td></tr>\n");
            }
        }
        html.Append("</tbody></table></section>\n");
    }

    private static string E(string? text) => HtmlText.Encode(text);
}
