using Orchestrator.Coverage;
using Orchestrator.History;
using Orchestrator.Pipeline;

namespace Orchestrator.Cli.Run;

/// <summary>The last lines of a run, where CI logs are read: where the results are, the phases, what failed the run, the summary line.</summary>
internal static class RunEnding
{
    /// <returns>The run's exit code.</returns>
    public static int Write(PlannedRun planned, RunResult result, string resultsDirectory, TextWriter output)
    {
        var (record, verdict, _, selection, mergeTime) = result;
        output.WriteLine($"Results: {resultsDirectory} (summary.md, report.html, <layer>.trx, <layer>.junit.xml)");
        output.WriteLine(
            $"Phases: discover {Seconds(planned.DiscoverTime)}, plan {Seconds(planned.PlanTime)}, " +
            $"prepare {Seconds(record.Phases.Prepare ?? TimeSpan.Zero)}, execute {Seconds(record.Phases.Execute ?? TimeSpan.Zero)}, merge {Seconds(mergeTime)}");
        if (result.Coverage is { } coverage)
        {
            var figures = coverage.Run.Figures;
            output.WriteLine(
                $"Coverage: lines {CoverageFigures.Percent(figures.LinesCovered, figures.LinesValid)}, branches {CoverageFigures.Percent(figures.BranchesCovered, figures.BranchesValid)} " +
                $"({coverage.Run.FileName}, coverage.<layer>.cobertura.xml)");
        }
        var isolation = result.IsolationProblems;
        var plainFlaky = verdict.Flaky - isolation.Count(problem => problem.PassedOnRerun);
        if (plainFlaky > 0)
        {
            output.WriteLine($"{plainFlaky} flaky test(s): they failed, then passed on a re-run (see summary.md).");
        }
        if (isolation.Count > 0)
        {
            output.WriteLine($"{isolation.Count} test(s) failed because other tests shared their container or their unit: an isolation problem, not flakiness (see summary.md).");
            foreach (var problem in isolation)
            {
                output.WriteLine($"  {problem.Test} {problem.Explanation}");
            }
        }
        foreach (var stop in result.RepetitionStops)
        {
            output.WriteLine($"Repetitions {stop}");
        }
        if (result.History.Count > 0)
        {
            output.WriteLine($"History: {HistoryVerdictText.Headline(result.History)} (recent outcomes in summary.md).");
            foreach (var note in result.History.Where(note => note.Verdict == HistoryVerdict.NewFailure))
            {
                output.WriteLine($"  new failure: {note.Name} {note.Recent}");
            }
        }
        if (verdict.NotRun > 0)
        {
            output.WriteLine($"{verdict.NotRun} selected test(s) produced no result; they count as failed (causes in summary.md).");
        }
        if (record.Incomplete)
        {
            output.WriteLine("The run was stopped before every unit ran: the results are partial and the run fails.");
        }
        // Errors again at the end, and what the selection said (an empty shard is a warning).
        foreach (var problem in record.Problems.Where(problem => problem.IsError || problem == selection))
        {
            output.WriteLine($"{(problem.IsError ? "error" : "warning")} {problem.Subject}: {problem.Message}");
        }
        if (verdict.Problems > 0)
        {
            output.WriteLine($"{verdict.Problems} problem(s) outside the tests (listed above and in summary.md): the run fails.");
        }
        output.WriteLine(verdict.SummaryLine);
        return verdict.ExitCode;
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.0}s";
}
