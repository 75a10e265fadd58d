using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// A selected test of <c>run --repeat N --mode</c>, mode by mode, with the verdict the comparison gives: a test that
/// passes every time alone and fails alongside the other tests of its unit depends on state they share with it, an
/// isolation problem, not a flaky test.
/// </summary>
/// <param name="Test">The selected test.</param>
/// <param name="Modes">Its results in each mode that ran it, in the run's mode order.</param>
/// <param name="Verdict">What the modes together say.</param>
internal sealed record RepetitionComparison(MergedTest Test, IReadOnlyList<ModeResults> Modes, RepetitionVerdict Verdict)
{
    /// <summary>Every selected test that ran in a mode, in report order (isolation problems, then flaky, failing, stable); empty without modes.</summary>
    public static IReadOnlyList<RepetitionComparison> Of(MergedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Record.Repeat is not { } repeat)
        {
            return [];
        }
        var selected = repeat.Selected.ToHashSet();
        return [.. run.Tests
            .Where(test => selected.Contains(test.Key))
            .Select(test => Of(test, repeat))
            .Where(comparison => comparison.Modes.Count > 0)
            .OrderBy(comparison => comparison.Verdict switch
            {
                RepetitionVerdict.IsolationProblem => 0,
                RepetitionVerdict.Flaky => 1,
                RepetitionVerdict.Failing => 2,
                _ => 3,
            })
            .ThenBy(comparison => comparison.Test.DisplayName, StringComparer.Ordinal)];
    }

    public static RepetitionComparison Of(MergedTest test, RepeatRecord repeat)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(repeat);
        var modes = repeat.Modes.Select(mode => ResultsIn(test, mode, repeat.FirstRepetitionOf(mode))).Where(mode => mode.Total > 0 || mode.NotStarted.Count > 0).ToList();
        return new RepetitionComparison(test, modes, VerdictOf(modes));
    }

    /// <summary>Isolation problem only with evidence from both sides: every repetition alone passed, some alongside failed.</summary>
    internal static RepetitionVerdict VerdictOf(IReadOnlyList<ModeResults> modes)
    {
        if (!modes.Any(mode => mode.FailedAny))
        {
            return RepetitionVerdict.Stable;
        }
        if (modes.All(mode => mode.Passed == 0))
        {
            return RepetitionVerdict.Failing;
        }
        var alone = modes.FirstOrDefault(mode => mode.Mode == RepetitionMode.Alone);
        var alongside = modes.FirstOrDefault(mode => mode.Mode == RepetitionMode.Alongside);
        return alone is { FailedAny: false } && alongside is { FailedAny: true }
            ? RepetitionVerdict.IsolationProblem
            : RepetitionVerdict.Flaky;
    }

    /// <summary>What <c>run.json</c> keeps of the comparison.</summary>
    public RepeatedTest ToRecord() =>
        new(Test.DisplayName, Verdict, [.. Modes.Select(mode => new RepeatedTestMode(mode.Mode, mode.Passed, mode.Total, mode.Diagnosis.Median, mode.Diagnosis.P95, mode.Diagnosis.Max, mode.Diagnosis.Failures))]);

    /// <summary>The explanation and fix the reports and the console give for an isolation problem.</summary>
    public string Explanation
    {
        get
        {
            var alone = Modes.First(mode => mode.Mode == RepetitionMode.Alone);
            var alongside = Modes.First(mode => mode.Mode == RepetitionMode.Alongside);
            var siblings = Test.Attempts.Where(attempt => attempt.Unit.Mode == RepetitionMode.Alongside).Select(attempt => attempt.Unit.UnitId).Distinct(StringComparer.Ordinal);
            return $"passed {alone.Passed} of {alone.Total} repetitions alone but only {alongside.Passed} of {alongside.Total} alongside the other tests of its unit ({string.Join(", ", siblings)}): " +
                "it depends on state they share with it (a static, a file, data left in the namespace), an isolation problem, not a flaky test. " +
                "Make the test set up everything it reads, or the tests beside it clean up what they change.";
        }
    }

    private static ModeResults ResultsIn(MergedTest test, RepetitionMode mode, int firstRepetition)
    {
        var attempts = test.Attempts.Where(attempt => attempt.Unit.Mode == mode).ToList();
        var outcomes = new Dictionary<int, bool>();
        foreach (var attempt in attempts.Where(attempt => !attempt.Result.Outcome.IsSkipped()))
        {
            outcomes[attempt.Unit.Repetition] = outcomes.GetValueOrDefault(attempt.Unit.Repetition) || attempt.Result.Outcome.IsPassed();
        }
        var notStarted = new List<NotRunOccurrence>();
        foreach (var notRun in test.NotRun.Where(occurrence => occurrence.Unit.Mode == mode))
        {
            // A repetition the tool could not start (a resource's limit, a container that failed) says nothing about the test.
            if (notRun.Unit.Exit == UnitExit.NotStarted)
            {
                notStarted.Add(notRun);
            }
            else
            {
                outcomes.TryAdd(notRun.Unit.Repetition, false);
            }
        }
        notStarted.RemoveAll(notRun => outcomes.ContainsKey(notRun.Unit.Repetition));
        return new ModeResults(mode, outcomes.Values.Count(passed => passed), outcomes.Count, RepetitionDiagnosis.Of(attempts, firstRepetition))
        {
            NotStarted = notStarted,
        };
    }
}
