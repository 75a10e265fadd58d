using System.Globalization;
using System.Net;
using System.Text;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// Renders <c>report.html</c>: self-contained (inline CSS, SVG and script, no network), with counts per layer,
/// a timeline of unit processes (one lane per partition) and container lifetimes (create → ready → removed),
/// failures with messages, flaky tests and a filterable list of tests.
/// </summary>
public static class HtmlReportWriter
{
    private const int MaxListedTests = 5000;
    private const double TimelineWidth = 1000;
    private const double LaneHeight = 22;
    private const double LabelWidth = 220;

    public static string Render(MergedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var record = run.Record;
        var verdict = run.Verdict;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(record.Cadence)} run {E(record.RunId)}: {E(verdict.SummaryLine)}</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body data-ready=\"false\">\n");

        html.Append(CultureInfo.InvariantCulture, $"<header><h1>Test results: {E(record.Cadence)} run <code>{E(record.RunId)}</code></h1>\n");
        if (record.Incomplete)
        {
            html.Append("<p class=\"banner incomplete\" id=\"incomplete\">INCOMPLETE RUN: cancelled or aborted before every unit ran. The run fails; results are partial.</p>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"verdict {(verdict.Succeeded ? "ok" : "fail")}\" id=\"summary-line\" data-exit-code=\"{verdict.ExitCode}\">{E(verdict.SummaryLine)}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Started {E(ReportFormat.Time(record.StartedAt))}, took {E(ReportFormat.Duration(record.FinishedAt - record.StartedAt))}. Passed includes flaky tests and quarantined tests that passed; failed includes tests not run; quarantined tests that did not pass never fail the build. Flaky tests {(verdict.FlakyFailsBuild ? "fail" : "do not fail")} the build.</p>\n</header>\n");

        AppendProblems(html, record.Problems);
        AppendCounts(html, run);
        AppendTimeline(html, run);
        AppendFailures(html, run);
        AppendFlaky(html, run);
        AppendTests(html, run);
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

    private static void AppendCountsRow(StringBuilder html, string name, RunVerdict counts) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<tr class=\"layer\" data-layer=\"{E(name)}\"><td>{E(name)}</td><td class=\"count-passed\">{counts.Passed}</td><td class=\"count-failed\">{counts.Failed}</td><td class=\"count-flaky\">{counts.Flaky}</td><td class=\"count-skipped\">{counts.Skipped}</td><td class=\"count-notrun\">{counts.NotRun}</td><td class=\"count-quarantined\">{counts.Quarantined}</td></tr>\n");

    private static void AppendTimeline(StringBuilder html, MergedRun run)
    {
        var record = run.Record;
        var times = record.Units.SelectMany(unit => new[] { unit.StartedAt, unit.FinishedAt })
            .Concat(record.Containers.SelectMany(container => new[] { container.CreatedAt, container.ReadyAt ?? container.CreatedAt, container.RemovedAt ?? record.FinishedAt }))
            .Append(record.StartedAt).Append(record.FinishedAt)
            .ToList();
        var origin = times.Min();
        var span = Math.Max((times.Max() - origin).TotalSeconds, 0.001);
        double X(DateTimeOffset time) => LabelWidth + ((time - origin).TotalSeconds / span * TimelineWidth);

        var partitions = record.Units.Select(unit => unit.PartitionId).Distinct(StringComparer.Ordinal).ToList();
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
            foreach (var unit in record.Units.Where(unit => unit.PartitionId == partition))
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
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"container-starting\" x=\"{N(X(container.CreatedAt))}\" y=\"{N(y + 3)}\" width=\"{N(Math.Max(X(ready) - X(container.CreatedAt), 1.5))}\" height=\"{N(LaneHeight - 6)}\"><title>{E(container.InstanceName)}: create → ready {E(container.ReadyAt is null ? "never ready" : ReportFormat.Duration(container.CreatedAt, container.ReadyAt))}</title></rect>\n");
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
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"failures\"><h2>Failures ({failures.Count})</h2>\n");
        foreach (var test in failures.Take(MaxListedTests))
        {
            var last = test.Attempts.LastOrDefault(attempt => attempt.Result.Outcome.IsFailure());
            html.Append(CultureInfo.InvariantCulture, $"<details class=\"failure\" data-test=\"{E(test.DisplayName)}\" data-outcome=\"{test.Outcome}\"><summary><span class=\"name\">{E(test.DisplayName)}</span> <span class=\"where\">{E(test.Layer)} / {E(test.PartitionId)}{(test.Quarantined ? " — quarantined" : "")}</span></summary>\n");
            html.Append(CultureInfo.InvariantCulture, $"<pre class=\"message\">{E(MarkdownText.Truncate(test.FailureMessage ?? "(no message)", 4000))}</pre>\n");
            if (last?.Result.StackTrace is { } stackTrace)
            {
                html.Append(CultureInfo.InvariantCulture, $"<pre class=\"stack\">{E(MarkdownText.Truncate(stackTrace, 8000))}</pre>\n");
            }
            html.Append("</details>\n");
        }
        html.Append("</section>\n");
    }

    private static void AppendFlaky(StringBuilder html, MergedRun run)
    {
        var flaky = run.Tests.Where(test => test.Outcome == TestOutcome.Flaky).OrderBy(test => test.PassRate).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"flaky\"><h2>Flaky tests ({flaky.Count})</h2>\n<table><thead><tr><th>Test</th><th>Layer</th><th>Pass rate</th><th>Passed attempts</th><th>Last failure</th></tr></thead><tbody>\n");
        foreach (var test in flaky)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"flaky\" data-test=\"{E(test.DisplayName)}\"><td>{E(test.DisplayName)}</td><td>{E(test.Layer)}</td><td>{E(ReportFormat.Rate(test.PassRate))}</td><td>{test.PassedAttempts}/{test.ExecutedAttempts}</td><td>{E(MarkdownText.Truncate(test.FailureMessage ?? "", 300))}</td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static void AppendTests(StringBuilder html, MergedRun run)
    {
        var tests = run.Tests.OrderBy(test => test.Outcome switch
        {
            TestOutcome.Failed or TestOutcome.NotRun => 0,
            TestOutcome.Flaky => 1,
            _ => 2,
        }).ThenByDescending(test => test.Duration).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"tests\"><h2>Tests ({tests.Count})</h2>\n<input id=\"filter\" type=\"search\" placeholder=\"Filter by name, layer or outcome\">\n<table><thead><tr><th>Test</th><th>Layer</th><th>Partition</th><th>Outcome</th><th>Duration</th><th>Attempts</th></tr></thead><tbody>\n");
        foreach (var test in tests.Take(MaxListedTests))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"test outcome-{test.Outcome.ToString().ToLowerInvariant()}\"><td>{E(test.DisplayName)}</td><td>{E(test.Layer)}</td><td>{E(test.PartitionId)}</td><td>{test.Outcome}{(test.Quarantined ? " (quarantined)" : "")}</td><td>{E(ReportFormat.Duration(test.Duration))}</td><td>{test.Attempts.Count}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
        if (tests.Count > MaxListedTests)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{tests.Count - MaxListedTests} more tests are in the per-layer TRX and JUnit files.</p>\n");
        }
        html.Append("</section>\n");
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

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
        h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
        table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 2px 8px; text-align: left; }
        td[class^=count] { text-align: right; }
        .verdict { font-size: 1.2em; font-weight: bold; padding: 4px 8px; display: inline-block; }
        .verdict.ok { background: #e3f6e3; color: #145214; } .verdict.fail { background: #fde4e4; color: #8a1010; }
        .banner.incomplete { background: #8a1010; color: #fff; padding: 6px 10px; font-weight: bold; }
        .note { color: #555; }
        svg text.lane { font-size: 11px; } svg text.axis { font-size: 10px; fill: #666; text-anchor: middle; }
        svg line.tick { stroke: #eee; }
        rect.unit { fill: #4a7fc1; } rect.exit-testsfailed { fill: #d08a2c; }
        rect.exit-crashed, rect.exit-hung, rect.exit-timedout, rect.exit-cancelled, rect.exit-notstarted { fill: #c0392b; }
        rect.container-starting { fill: #b9c4cf; } rect.container-ready { fill: #6c8ea8; }
        .swatch { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; vertical-align: middle; }
        .swatch.unit { background: #4a7fc1; } .swatch.testsfailed { background: #d08a2c; } .swatch.failed { background: #c0392b; } .swatch.starting { background: #b9c4cf; } .swatch.ready { background: #6c8ea8; }
        details.failure { margin: 4px 0; } details.failure .name { font-weight: bold; color: #8a1010; } .where { color: #666; }
        pre { background: #f6f6f6; padding: 6px; overflow-x: auto; white-space: pre-wrap; }
        tr.outcome-failed td, tr.outcome-notrun td { background: #fdf0f0; } tr.outcome-flaky td { background: #fff8e6; }
        #filter { margin: 6px 0; width: 24em; }
        """;

    private const string Script = """
        (function () {
          var filter = document.getElementById('filter');
          var rows = Array.prototype.slice.call(document.querySelectorAll('#tests tr.test'));
          if (filter) {
            filter.addEventListener('input', function () {
              var needle = filter.value.toLowerCase();
              rows.forEach(function (row) { row.hidden = needle !== '' && row.textContent.toLowerCase().indexOf(needle) < 0; });
            });
          }
          document.querySelectorAll('details.failure').forEach(function (details, index) { if (index < 5) { details.open = true; } });
          document.body.setAttribute('data-units', String(document.querySelectorAll('#timeline rect.unit').length));
          document.body.setAttribute('data-ready', 'true');
        })();
        """;
}
