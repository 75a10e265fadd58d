using Orchestrator.Planning;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>
/// The first attempts of a run: each plan unit once per repetition, or, with modes, the plan's units alone and its
/// <see cref="TestPlan.Alongside"/> units alongside, each mode's repetitions numbered on from the previous mode's.
/// </summary>
public static class RepetitionSchedule
{
    public static IEnumerable<UnitAttempt> FirstAttempts(TestPlan plan, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var count = Math.Max(1, options.Repeat);
        if (options.Modes.Count == 0)
        {
            return Enumerable.Range(0, count).SelectMany(repetition => plan.Units.Select(unit => new UnitAttempt(unit, unit.Id, 0, repetition)));
        }
        return options.Modes.SelectMany((mode, index) =>
        {
            var units = mode == RepetitionMode.Alongside && plan.Alongside.Count > 0 ? plan.Alongside : plan.Units.ToList();
            return Enumerable.Range(index * count, count).SelectMany(repetition => units.Select(unit => new UnitAttempt(unit, unit.Id, 0, repetition) { Mode = mode }));
        });
    }

    /// <summary>
    /// True when <paramref name="attempt"/> may start now: an alone repetition only when nothing runs, anything else only
    /// while no alone repetition runs or waits, so the alone repetitions run first, one at a time, with nothing beside them.
    /// </summary>
    internal static bool MayStart(UnitAttempt attempt, IEnumerable<UnitAttempt> running, IEnumerable<UnitAttempt> pending) =>
        attempt.Mode == RepetitionMode.Alone
            ? !running.Any()
            : !running.Any(IsAlone) && !pending.Any(IsAlone);

    /// <summary>True when <paramref name="run"/> of <paramref name="attempt"/> failed a repetition that <c>--until-fail</c> stops its mode at.</summary>
    internal static bool StopsItsMode(UnitAttempt attempt, UnitRun run, RunOptions options) =>
        options.UntilFail && attempt.Mode is not null && run.Exit is UnitExit.TestsFailed or UnitExit.Crashed or UnitExit.Hung or UnitExit.TimedOut;

    /// <summary>What the record keeps of the repetitions: null for a run without modes.</summary>
    internal static RepeatRecord? Record(TestPlan plan, RunOptions options, IReadOnlyList<UnitRun> records, IReadOnlyCollection<RepetitionMode> stopped)
    {
        if (options.Modes.Count == 0)
        {
            return null;
        }
        var selected = plan.Units.SelectMany(unit => unit.Tests).Distinct().OrderBy(test => test.FullyQualifiedName, StringComparer.Ordinal).ThenBy(test => test.Assembly, StringComparer.Ordinal).ToList();
        return new RepeatRecord(Math.Max(1, options.Repeat), options.Modes, options.UntilFail, selected)
        {
            Stopped = [.. options.Modes.Where(stopped.Contains).Select(mode => new StoppedEarly(mode, records.Where(run => run.Mode == mode).Select(run => run.Repetition).Distinct().Count()))],
        };
    }

    private static bool IsAlone(UnitAttempt attempt) => attempt.Mode == RepetitionMode.Alone;
}
