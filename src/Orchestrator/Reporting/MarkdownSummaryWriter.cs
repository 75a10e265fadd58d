using System.Globalization;
using System.Text;
using Orchestrator.Coverage;
using Orchestrator.History;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>
/// Renders <c>summary.md</c>: the verdict, counts per layer and per partition, failures with messages,
/// flaky tests with pass rates, pass rates across repetitions, slowest tests, containers and phases.
/// </summary>
internal static class MarkdownSummaryWriter
{
    private const int SlowestCount = 10;
    private const int MaxFailures = 50;

    public static string Render(MergedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var record = run.Record;
        var verdict = run.Verdict;
        var md = new StringBuilder();

        md.AppendLine(CultureInfo.InvariantCulture, $"## Test results: {MarkdownText.Cell(record.Cadence)} run `{MarkdownText.Cell(record.RunId)}`");
        md.AppendLine();
        if (record.Incomplete)
        {
            md.AppendLine("> [!CAUTION]");
            md.AppendLine("> **INCOMPLETE RUN**: cancelled or aborted before every unit ran. The run fails; results below are partial.");
            md.AppendLine();
        }
        var status = verdict.Succeeded ? "✅ passed" : "❌ failed";
        md.AppendLine(CultureInfo.InvariantCulture, $"**{verdict.Headline}** — {status} (exit code {verdict.ExitCode}), {ReportFormat.Duration(record.FinishedAt - record.StartedAt)}, started {ReportFormat.Time(record.StartedAt)}.");
        md.AppendLine();
        AppendProblems(md, record.Problems);
        md.AppendLine(CultureInfo.InvariantCulture, $"Counting: *passed* includes flaky tests (failed, then passed on a re-run or another repetition) and quarantined tests that passed; *failed* includes tests that were selected but not run and isolation problems (tests that failed only while another unit shared their container, then passed with one of their own); quarantined tests that did not pass are counted only as *quarantined* and never fail the build. Flaky tests {(verdict.FlakyFailsBuild ? "**fail**" : "do not fail")} the build.");
        md.AppendLine();
        if (verdict.Cached > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**Cached**: {verdict.Cached} of the passed tests passed before with unchanged inputs and were not run again; each result names the run it came from. `run --no-cache` runs them.");
            md.AppendLine();
        }

        md.AppendLine("### Layers");
        md.AppendLine();
        md.AppendLine("| Layer | Passed | Failed | Flaky | Skipped | Not run | Quarantined | Unit processes |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var layer in run.Layers)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Cell(layer.Name)} | {CountsRow(layer.Verdict)} | {layer.Units.Count(unit => !unit.Cached)} |");
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {CountsRow(verdict)} | {record.Units.Count(unit => !unit.Cached)} |");
        md.AppendLine();

        AppendCoverage(md, run.Coverage);

        md.AppendLine("### Partitions");
        md.AppendLine();
        md.AppendLine("| Layer | Partition | Resources | Passed | Failed | Flaky | Skipped | Not run | Quarantined | Unit processes |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var partition in PartitionCounts.Of(run))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Cell(partition.Layer)} | {MarkdownText.Cell(partition.PartitionId)} | {MarkdownText.Cell(partition.Resources)} | {CountsRow(partition.Counts)} | {partition.UnitProcesses} |");
        }
        md.AppendLine();

        var failures = run.Tests.Where(test => test.Outcome is TestOutcome.Failed or TestOutcome.NotRun).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### Failures ({failures.Count})");
            md.AppendLine();
            foreach (var test in failures.Take(MaxFailures))
            {
                var label = test.Outcome == TestOutcome.NotRun ? "not run" : "failed";
                var quarantined = test.Quarantined ? " — quarantined, does not fail the build" : "";
                md.AppendLine(CultureInfo.InvariantCulture, $"- {MarkdownText.Code(test.DisplayName)} ({label}; {MarkdownText.Cell(test.Layer)} / {MarkdownText.Cell(test.PartitionId)}){quarantined}");
                md.AppendLine();
                md.AppendLine(Indent(MarkdownText.Block(test.FailureMessage ?? "(no message)")));
                md.AppendLine();
            }
            if (failures.Count > MaxFailures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"… and {failures.Count - MaxFailures} more: see the per-layer TRX or JUnit files.");
                md.AppendLine();
            }
        }

        var isolation = RepetitionComparison.Of(run).Where(comparison => comparison.Verdict == RepetitionVerdict.IsolationProblem).Select(comparison => comparison.Test).ToHashSet();
        var flaky = run.Tests.Where(test => test.Outcome == TestOutcome.Flaky && !isolation.Contains(test)).ToList();
        if (flaky.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### Flaky tests ({flaky.Count})");
            md.AppendLine();
            md.AppendLine("| Test | Layer | Pass rate | Passed attempts | Last failure |");
            md.AppendLine("|---|---|---:|---:|---|");
            foreach (var test in flaky.OrderBy(test => test.PassRate))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Code(test.DisplayName)} | {MarkdownText.Cell(test.Layer)} | {ReportFormat.Rate(test.PassRate)} | {test.PassedAttempts}/{test.ExecutedAttempts} | {MarkdownText.Cell(test.FailureMessage, 120)} |");
            }
            md.AppendLine();
        }

        AppendHistory(md, run.History);

        var shared = run.SharedFailures;
        if (shared.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### Isolation problems: failures caused by a shared container ({shared.Count})");
            md.AppendLine();
            md.AppendLine("These failed only while another unit used the same container at the same time, and passed with a container to themselves or failed with an error only another session causes: state shared outside their namespace, not flakiness.");
            md.AppendLine();
            foreach (var failure in shared)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {MarkdownText.Code(failure.Test.DisplayName)} ({failure.Test.Outcome.ToString().ToLowerInvariant()}) {MarkdownText.Cell(failure.Explanation, 800)}");
            }
            md.AppendLine();
        }

        if (run.Record.Repeat is { } repeat)
        {
            MarkdownRepetitions.Append(md, run, repeat);
        }
        else if (run.Repetitions > 1)
        {
            var unstable = run.Tests.Where(test => test.RepetitionOutcomes.Count > 0 && test.PassedRepetitions < test.RepetitionOutcomes.Count && test.Outcome != TestOutcome.Skipped).ToList();
            md.AppendLine(CultureInfo.InvariantCulture, $"### Pass rates across {run.Repetitions} repetitions");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{run.Tests.Count(test => test.Outcome == TestOutcome.Passed)} test(s) passed in every repetition.");
            md.AppendLine();
            if (unstable.Count > 0)
            {
                md.AppendLine("| Test | Layer | Passed repetitions | Pass rate |");
                md.AppendLine("|---|---|---:|---:|");
                foreach (var test in unstable.OrderBy(test => (double)test.PassedRepetitions / test.RepetitionOutcomes.Count))
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Code(test.DisplayName)} | {MarkdownText.Cell(test.Layer)} | {test.PassedRepetitions}/{test.RepetitionOutcomes.Count} | {ReportFormat.Rate((double)test.PassedRepetitions / test.RepetitionOutcomes.Count)} |");
                }
                md.AppendLine();
                foreach (var test in unstable.OrderBy(test => (double)test.PassedRepetitions / test.RepetitionOutcomes.Count))
                {
                    var diagnosis = RepetitionDiagnosis.Of(test);
                    md.AppendLine(CultureInfo.InvariantCulture,
                        $"{MarkdownText.Code(test.DisplayName)}: durations median {ReportFormat.Duration(diagnosis.Median)}, p95 {ReportFormat.Duration(diagnosis.P95)}, max {ReportFormat.Duration(diagnosis.Max)}; failures:");
                    md.AppendLine();
                    foreach (var failure in diagnosis.Failures)
                    {
                        md.AppendLine(CultureInfo.InvariantCulture, $"- {failure.Count}× (first in repetition {failure.FirstRepetition + 1}) {MarkdownText.Cell(failure.Message, 300)}");
                    }
                    md.AppendLine();
                }
            }
        }

        var slowest = run.Tests.Where(test => test.Attempts.Count > 0).OrderByDescending(test => test.Duration).Take(SlowestCount).ToList();
        if (slowest.Count > 0)
        {
            md.AppendLine("### Slowest tests");
            md.AppendLine();
            md.AppendLine("| Test | Layer | Partition | Duration |");
            md.AppendLine("|---|---|---|---:|");
            foreach (var test in slowest)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Code(test.DisplayName)} | {MarkdownText.Cell(test.Layer)} | {MarkdownText.Cell(test.PartitionId)} | {ReportFormat.Duration(test.Duration)} |");
            }
            md.AppendLine();
        }

        if (record.Containers.Count > 0)
        {
            md.AppendLine("### Containers");
            md.AppendLine();
            md.AppendLine("| Instance | Resource | Create → ready | Ready → removed | Partitions | Ended |");
            md.AppendLine("|---|---|---:|---:|---|---|");
            foreach (var container in record.Containers.OrderBy(container => container.CreatedAt))
            {
                var ready = container.ReadyAt is null ? "never ready" : ReportFormat.Duration(container.CreatedAt, container.ReadyAt);
                var removed = container.RemovedAt is null ? "not removed" : ReportFormat.Duration(container.ReadyAt ?? container.CreatedAt, container.RemovedAt);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Cell(container.InstanceName)} | {MarkdownText.Cell(container.Resource)} | {ready} | {removed} | {MarkdownText.Cell(string.Join(", ", container.Partitions))} | {(container.Ended is null ? "removed by the run" : "**" + MarkdownText.Cell(container.Ended, 300) + "**")} |");
            }
            md.AppendLine();
            var restarted = record.Containers.Where(container => container.FirstStartFailure is not null).OrderBy(container => container.CreatedAt).ToList();
            foreach (var container in restarted)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{MarkdownText.Cell(container.InstanceName)}**: the first container failed to start and a fresh one was started in its place ({(container.ReadyAt is null ? "it failed too" : "it became ready")}). First failure: {MarkdownText.Cell(container.FirstStartFailure!, 600)}");
            }
            if (restarted.Count > 0)
            {
                md.AppendLine();
            }
        }

        var troubled = record.Units.Where(unit => unit.Exit is not (UnitExit.Passed or UnitExit.TestsFailed)).ToList();
        if (troubled.Count > 0)
        {
            md.AppendLine("### Unit processes that did not complete");
            md.AppendLine();
            md.AppendLine("| Unit | Repetition | Attempt | Exit | Detail |");
            md.AppendLine("|---|---:|---:|---|---|");
            foreach (var unit in troubled)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Cell(unit.UnitId)} | {unit.Repetition} | {unit.Attempt} | {unit.Exit} | {MarkdownText.Cell(unit.ExitDetail)} |");
            }
            md.AppendLine();
        }

        if (record.Phases.Measured() is { Count: > 0 } phases)
        {
            md.AppendLine("### Phases");
            md.AppendLine();
            md.AppendLine("| Phase | Duration |");
            md.AppendLine("|---|---:|");
            foreach (var (phase, duration) in phases)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Cell(phase)} | {ReportFormat.Duration(duration)} |");
            }
            md.AppendLine();
        }

        if (run.Warnings.Count > 0)
        {
            md.AppendLine("### Warnings");
            md.AppendLine();
            foreach (var warning in run.Warnings)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {MarkdownText.Cell(warning, 500)}");
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    private static void AppendHistory(StringBuilder md, IReadOnlyList<TestRunHistory> history)
    {
        if (history.Count == 0)
        {
            return;
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"### History: {HistoryVerdictText.Headline(history)}");
        md.AppendLine();
        md.AppendLine("| Test | Layer | This run | Verdict | Recent outcomes | Flaky rate |");
        md.AppendLine("|---|---|---|---|---|---:|");
        foreach (var note in history.OrderBy(note => note.Verdict).ThenBy(note => note.Name, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Code(note.Name)} | {MarkdownText.Cell(note.Layer)} | {note.Outcome.ToString().ToLowerInvariant()} | {HistoryVerdictText.Of(note.Verdict)} | `{note.Recent}` | {ReportFormat.Rate(note.FlakyRate)} of {note.Runs} |");
        }
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Recent outcomes: {HistoryOutcome.Legend}.");
        md.AppendLine();
    }

    private static void AppendCoverage(StringBuilder md, CoverageReport? coverage)
    {
        if (coverage is null)
        {
            return;
        }
        md.AppendLine("### Coverage");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Coverlet's measurements of {coverage.Units} unit process(es), merged.");
        md.AppendLine();
        md.AppendLine("| Layer | Lines | Branches | Cobertura file |");
        md.AppendLine("|---|---:|---:|---|");
        foreach (var layer in coverage.Layers)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText.Cell(layer.Name)} | {CoverageRow(layer)} |");
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {CoverageRow(coverage.Run)} |");
        md.AppendLine();
    }

    private static string CoverageRow(LayerCoverage layer) =>
        $"{CoverageFigures.Percent(layer.Figures.LinesCovered, layer.Figures.LinesValid)} | {CoverageFigures.Percent(layer.Figures.BranchesCovered, layer.Figures.BranchesValid)} | `{layer.FileName}`";

    /// <summary>Problems outside the tests come first: an error among them is why the run failed.</summary>
    private static void AppendProblems(StringBuilder md, IReadOnlyList<RunProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }
        var errors = problems.Count(problem => problem.IsError);
        md.AppendLine(CultureInfo.InvariantCulture, $"### Problems outside the tests ({errors} error(s){(errors > 0 ? ": the run fails" : string.Empty)})");
        md.AppendLine();
        foreach (var problem in problems.OrderByDescending(problem => problem.IsError))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{(problem.IsError ? "error" : "warning")}** `{MarkdownText.Cell(problem.Subject, 200)}`: {MarkdownText.Cell(problem.Message, 1000)}");
        }
        md.AppendLine();
    }

    private static string CountsRow(RunVerdict counts) =>
        string.Join(" | ", counts.Passed, counts.FailedWithIsolationProblems, counts.PlainFlaky, counts.Skipped, counts.NotRun, counts.Quarantined);

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(line => "  " + line));
}
