using System.Globalization;
using System.Text;
using Orchestrator.Audit;
using Orchestrator.Coverage;
using Orchestrator.History;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// Renders <c>report.html</c>: self-contained (inline CSS, SVG and script, no network), with counts per layer,
/// a timeline of unit processes (one lane per partition) and container lifetimes (create → ready → removed),
/// failures with messages, stack traces and output, flaky tests and the tests grouped by assembly and class,
/// filterable by outcome and text and sortable by duration. It fits a 1280-pixel window whatever the test names.
/// </summary>
internal static class HtmlReportWriter
{
    /// <summary>Tests (and failures) listed at most: the page stays quick to open; the TRX and JUnit files hold every test.</summary>
    internal const int MaxListedTests = 5000;

    /// <summary>Characters kept of a failing attempt's stack trace, standard output and standard error each.</summary>
    private const int MaxOutputLength = 8000;
    private const double TimelineWidth = 1000;
    private const double LaneHeight = 22;
    private const double LabelWidth = 220;

    // Layout (report.css): the page never scrolls sideways in a 1280-pixel window. Every text may break anywhere (a
    // 200-character NUnit name with arguments has no space to break at), the wide tables have fixed column widths, the
    // test name taking what is left, and the timeline scales to the width.
    private static readonly string Style = HtmlReportAsset.Read("report.css");

    // Filters (report.js: outcome toggles and text, together), duration sort and grouping work on rows read once at load;
    // a group whose rows are all filtered out is hidden with its header. When done, body[data-ready] is "true".
    private static readonly string Script = HtmlReportAsset.Read("report.js");

    public static string Render(MergedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var record = run.Record;
        var verdict = run.Verdict;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(record.Cadence)} run {E(record.RunId)}: {E(verdict.Headline)}</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body data-ready=\"false\">\n");

        html.Append(CultureInfo.InvariantCulture, $"<header><h1>Test results: {E(record.Cadence)} run <code>{E(record.RunId)}</code></h1>\n");
        if (record.Incomplete)
        {
            html.Append("<p class=\"banner incomplete\" id=\"incomplete\">INCOMPLETE RUN: cancelled or aborted before every unit ran. The run fails; results are partial.</p>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"verdict {(verdict.Succeeded ? "ok" : "fail")}\" id=\"summary-line\" data-exit-code=\"{verdict.ExitCode}\">{E(verdict.Headline)}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Started {E(ReportFormat.Time(record.StartedAt))}, took {E(ReportFormat.Duration(record.FinishedAt - record.StartedAt))}. Passed includes flaky tests and quarantined tests that passed; failed includes tests not run; quarantined tests that did not pass never fail the build. Flaky tests {(verdict.FlakyFailsBuild ? "fail" : "do not fail")} the build.</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"audit-link\">Readiness audit: <a href=\"{AuditText.MarkdownFileName}\">{AuditText.MarkdownFileName}</a> and <a href=\"{AuditText.JsonFileName}\">{AuditText.JsonFileName}</a>, written into this directory by <code>orchestrator audit</code> after the run.</p>\n</header>\n");

        AppendProblems(html, record.Problems);
        AppendCounts(html, run);
        AppendCoverage(html, run.Coverage);
        AppendTimeline(html, run);
        AppendFailures(html, run);
        AppendFlaky(html, run);
        AppendHistory(html, run);
        AppendSharedContainerFailures(html, run);
        HtmlRepetitions.Append(html, run);
        HtmlTestList.Append(html, run, MaxListedTests);
        AppendWarnings(html, run);

        html.Append("<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendCounts(StringBuilder html, MergedRun run)
    {
        html.Append("<section id=\"counts\"><h2>Layers</h2>\n<table><thead><tr><th>Layer</th><th>Passed</th><th>Failed</th><th>Flaky</th><th>Skipped</th><th>Not run</th><th>Quarantined</th></tr></thead><tbody>\n");
        foreach (var layer in run.Layers)
        {
            AppendCountsRow(html, layer.Name, layer.Verdict);
        }
        AppendCountsRow(html, "all", run.Verdict);
        html.Append("</tbody></table></section>\n");
    }

    private static void AppendCoverage(StringBuilder html, CoverageReport? coverage)
    {
        if (coverage is null)
        {
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"coverage\"><h2>Coverage</h2>\n<p class=\"note\">Coverlet's measurements of {coverage.Units} unit process(es), merged; Cobertura files beside this report.</p>\n<table><thead><tr><th>Layer</th><th>Lines</th><th>Branches</th><th>File</th></tr></thead><tbody>\n");
        foreach (var layer in coverage.Layers.Append(coverage.Run))
        {
            var figures = layer.Figures;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"coverage\" data-layer=\"{E(layer.Name)}\" data-line-rate=\"{CoverageFigures.Format(figures.LineRate)}\" data-branch-rate=\"{CoverageFigures.Format(figures.BranchRate)}\"><td>{E(layer.Name)}</td><td>{E(CoverageFigures.Percent(figures.LinesCovered, figures.LinesValid))}</td><td>{E(CoverageFigures.Percent(figures.BranchesCovered, figures.BranchesValid))}</td><td><code>{E(layer.FileName)}</code></td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static void AppendCountsRow(StringBuilder html, string name, RunVerdict counts) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<tr class=\"layer\" data-layer=\"{E(name)}\"><td>{E(name)}</td><td class=\"count-passed\">{counts.Passed}</td><td class=\"count-failed\">{counts.FailedWithIsolationProblems}</td><td class=\"count-flaky\">{counts.PlainFlaky}</td><td class=\"count-skipped\">{counts.Skipped}</td><td class=\"count-notrun\">{counts.NotRun}</td><td class=\"count-quarantined\">{counts.Quarantined}</td></tr>\n");

    private static void AppendTimeline(StringBuilder html, MergedRun run)
    {
        var record = run.Record;
        // Reused passes ran in no process: the timeline shows what this run did.
        var units = record.Units.Where(unit => !unit.Cached).ToList();
        var times = units.SelectMany(unit => new[] { unit.StartedAt, unit.FinishedAt })
            .Concat(record.Containers.SelectMany(container => new[] { container.CreatedAt, container.ReadyAt ?? container.CreatedAt, container.RemovedAt ?? record.FinishedAt }))
            .Append(record.StartedAt).Append(record.FinishedAt)
            .ToList();
        var origin = times.Min();
        var span = Math.Max((times.Max() - origin).TotalSeconds, 0.001);
        double X(DateTimeOffset time) => LabelWidth + ((time - origin).TotalSeconds / span * TimelineWidth);

        var partitions = units.Select(unit => unit.PartitionId).Distinct(StringComparer.Ordinal).ToList();
        var lanes = partitions.Count + record.Containers.Count;
        var height = ((lanes + 1) * LaneHeight) + 10;
        html.Append("<section id=\"timeline\"><h2>Timeline</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(LabelWidth + TimelineWidth + 10)} {N(height)}\" width=\"100%\" role=\"img\" aria-label=\"timeline of unit processes and containers\">\n");
        for (var tick = 0; tick <= 10; tick++)
        {
            var x = LabelWidth + (tick * TimelineWidth / 10);
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"tick\" x1=\"{N(x)}\" y1=\"0\" x2=\"{N(x)}\" y2=\"{N(height - 12)}\"/><text class=\"axis\" x=\"{N(x)}\" y=\"{N(height - 2)}\">{E(ReportFormat.Duration(TimeSpan.FromSeconds(span * tick / 10)))}</text>\n");
        }
        var lane = 0;
        foreach (var partition in partitions)
        {
            var y = lane++ * LaneHeight;
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"lane\" x=\"4\" y=\"{N(y + 15)}\">{E(partition)}</text>\n");
            foreach (var unit in units.Where(unit => unit.PartitionId == partition))
            {
                var x = X(unit.StartedAt);
                var width = Math.Max(X(unit.FinishedAt) - x, 1.5);
                html.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"unit exit-{unit.Exit.ToString().ToLowerInvariant()}\" data-unit=\"{E(unit.UnitId)}\" data-repetition=\"{unit.Repetition}\" data-attempt=\"{unit.Attempt}\" x=\"{N(x)}\" y=\"{N(y + 3)}\" width=\"{N(width)}\" height=\"{N(LaneHeight - 6)}\"><title>{E(unit.UnitId)} (repetition {unit.Repetition}, attempt {unit.Attempt}): {unit.Exit}, {E(ReportFormat.Duration(unit.FinishedAt - unit.StartedAt))}{(unit.ExitDetail is null ? "" : " — " + E(unit.ExitDetail))}</title></rect>\n");
            }
        }
        foreach (var container in record.Containers.OrderBy(container => container.CreatedAt))
        {
            var y = lane++ * LaneHeight;
            var ready = container.ReadyAt ?? container.RemovedAt ?? record.FinishedAt;
            var removed = container.RemovedAt ?? record.FinishedAt;
            html.Append(CultureInfo.InvariantCulture, $"<g class=\"container\" data-container=\"{E(container.InstanceName)}\"><text class=\"lane\" x=\"4\" y=\"{N(y + 15)}\">{E(container.InstanceName)} ({E(container.Resource)})</text>\n");
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"container-starting\" x=\"{N(X(container.CreatedAt))}\" y=\"{N(y + 3)}\" width=\"{N(Math.Max(X(ready) - X(container.CreatedAt), 1.5))}\" height=\"{N(LaneHeight - 6)}\"><title>{E(container.InstanceName)}: create → ready {E(container.ReadyAt is null ? "never ready" : ReportFormat.Duration(container.CreatedAt, container.ReadyAt))}{E(container.FirstStartFailure is null ? string.Empty : $"; a second container, the first failed to start: {container.FirstStartFailure}")}</title></rect>\n");
            if (container.ReadyAt is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<rect class=\"container-ready\" x=\"{N(X(ready))}\" y=\"{N(y + 3)}\" width=\"{N(Math.Max(X(removed) - X(ready), 1.5))}\" height=\"{N(LaneHeight - 6)}\"><title>{E(container.InstanceName)}: ready → removed {E(container.RemovedAt is null ? "not removed" : ReportFormat.Duration(ready, removed))}; partitions {E(string.Join(", ", container.Partitions))}</title></rect>\n");
            }
            html.Append("</g>\n");
        }
        html.Append("</svg>\n<p class=\"legend\"><span class=\"swatch unit\"></span> unit process <span class=\"swatch testsfailed\"></span> tests failed <span class=\"swatch failed\"></span> crashed / hung / timed out / cancelled <span class=\"swatch starting\"></span> container starting <span class=\"swatch ready\"></span> container ready</p></section>\n");
    }

    private static void AppendFailures(StringBuilder html, MergedRun run)
    {
        var failures = run.Tests.Where(test => test.Outcome is TestOutcome.Failed or TestOutcome.NotRun).ToList();
        var repetitions = run.Repetitions;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"failures\"><h2>Failures ({failures.Count})</h2>\n");
        foreach (var test in failures.Take(MaxListedTests))
        {
            var last = test.Attempts.LastOrDefault(attempt => attempt.Result.Outcome.IsFailure())?.Result;
            html.Append(CultureInfo.InvariantCulture, $"<details class=\"failure\" data-test=\"{E(test.DisplayName)}\" data-outcome=\"{test.Outcome}\"><summary><span class=\"name\">{E(test.DisplayName)}</span> <span class=\"where\">{E(test.Layer)} / {E(test.PartitionId)}{(test.Quarantined ? " — quarantined" : "")}</span></summary>\n");
            if (last is not null || test.NotRun.Count == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<pre class=\"message\">{E(MarkdownText.Truncate(last?.ErrorMessage ?? "(no message)", 4000))}</pre>\n");
            }
            if (test.NotRun.Count > 0)
            {
                html.Append("<ul class=\"not-run\">\n");
                foreach (var occurrence in test.NotRun)
                {
                    var repetition = repetitions > 1 ? $"repetition {occurrence.Unit.Repetition + 1}, " : "";
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(repetition)}unit <code>{E(occurrence.Unit.UnitId)}</code>: <span class=\"reason\">{E(occurrence.Reason)}</span></li>\n");
                }
                html.Append("</ul>\n");
            }
            AppendOutput(html, "stack", "Stack trace", last?.StackTrace);
            AppendOutput(html, "stdout", "Standard output", last?.StdOut);
            AppendOutput(html, "stderr", "Standard error", last?.StdErr);
            html.Append("</details>\n");
        }
        if (failures.Count > MaxListedTests)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{failures.Count - MaxListedTests} more failures are in the per-layer TRX and JUnit files.</p>\n");
        }
        html.Append("</section>\n");
    }

    /// <summary>A text the last failing attempt captured, under its label; nothing when it is empty.</summary>
    private static void AppendOutput(StringBuilder html, string kind, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"label\">{label}</p><pre class=\"{kind}\">{E(MarkdownText.Truncate(text, MaxOutputLength))}</pre>\n");
    }

    private static void AppendFlaky(StringBuilder html, MergedRun run)
    {
        var isolation = RepetitionComparison.Of(run).Where(comparison => comparison.Verdict == RepetitionVerdict.IsolationProblem).Select(comparison => comparison.Test).ToHashSet();
        var flaky = run.Tests.Where(test => test.Outcome == TestOutcome.Flaky && !isolation.Contains(test)).OrderBy(test => test.PassRate).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"flaky\"><h2>Flaky tests ({flaky.Count})</h2>\n<table><colgroup><col class=\"name\"><col class=\"layer\"><col class=\"rate\"><col class=\"attempts\"><col class=\"last-failure\"></colgroup><thead><tr><th>Test</th><th>Layer</th><th>Pass rate</th><th>Passed attempts</th><th>Last failure</th></tr></thead><tbody>\n");
        foreach (var test in flaky)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"flaky\" data-test=\"{E(test.DisplayName)}\"><td>{E(test.DisplayName)}</td><td>{E(test.Layer)}</td><td>{E(ReportFormat.Rate(test.PassRate))}</td><td>{test.PassedAttempts}/{test.ExecutedAttempts}</td><td>{E(MarkdownText.Truncate(test.FailureMessage ?? "", 300))}</td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static void AppendHistory(StringBuilder html, MergedRun run)
    {
        if (run.History.Count == 0)
        {
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"history\"><h2>History: {E(HistoryVerdictText.Headline(run.History))}</h2>\n<p class=\"note\">Recent outcomes: {E(HistoryOutcome.Legend)}.</p>\n<table><thead><tr><th>Test</th><th>Layer</th><th>This run</th><th>Verdict</th><th>Recent outcomes</th><th>Flaky rate</th></tr></thead><tbody>\n");
        foreach (var note in run.History.OrderBy(note => note.Verdict).ThenBy(note => note.Name, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"history\" data-test=\"{E(note.Name)}\" data-verdict=\"{E(note.Verdict.ToString())}\"><td>{E(note.Name)}</td><td>{E(note.Layer)}</td><td>{E(note.Outcome.ToString().ToLowerInvariant())}</td><td>{E(HistoryVerdictText.Of(note.Verdict))}</td><td class=\"recent\">{E(note.Recent)}</td><td>{E(ReportFormat.Rate(note.FlakyRate))} of {note.Runs}</td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static void AppendSharedContainerFailures(StringBuilder html, MergedRun run)
    {
        var shared = run.SharedFailures;
        if (shared.Count == 0)
        {
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"shared-failures\"><h2>Isolation problems: failures caused by a shared container ({shared.Count})</h2>\n<p class=\"note\">These failed only while another unit used the same container at the same time, and passed with a container to themselves or failed with an error only another session causes: state shared outside their namespace, not flakiness.</p><ul>\n");
        foreach (var failure in shared)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li data-test=\"{E(failure.Test.DisplayName)}\"><strong>{E(failure.Test.DisplayName)}</strong> ({E(failure.Test.Outcome.ToString().ToLowerInvariant())}) {E(failure.Explanation)}</li>\n");
        }
        html.Append("</ul></section>\n");
    }

    private static void AppendProblems(StringBuilder html, IReadOnlyList<RunProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }
        html.Append("<section id=\"problems\"><h2>Problems outside the tests</h2><ul>\n");
        foreach (var problem in problems.OrderByDescending(problem => problem.IsError))
        {
            var severity = problem.IsError ? "error" : "warning";
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"problem {severity}\"><strong>{severity}</strong> <code>{E(problem.Subject)}</code>: {E(problem.Message)}</li>\n");
        }
        html.Append("</ul></section>\n");
    }

    private static void AppendWarnings(StringBuilder html, MergedRun run)
    {
        if (run.Warnings.Count == 0)
        {
            return;
        }
        html.Append("<section id=\"warnings\"><h2>Warnings</h2><ul>\n");
        foreach (var warning in run.Warnings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(warning)}</li>\n");
        }
        html.Append("</ul></section>\n");
    }

    private static string E(string? text) => HtmlText.Encode(text);

    private static string N(double value) => HtmlText.Number(value);
}
