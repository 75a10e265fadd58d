using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>A mode that <c>--until-fail</c> stopped early: how far it got and the failure that stopped it.</summary>
/// <param name="Mode">The mode.</param>
/// <param name="Started">Repetitions it started.</param>
/// <param name="Count">Repetitions asked for.</param>
/// <param name="Repetition">1-based repetition (within the mode) of the first failure.</param>
/// <param name="Test">The test that failed first, or the unit when no test had a result.</param>
/// <param name="Message">The first line of its failure.</param>
internal sealed record RepetitionStop(RepetitionMode Mode, int Started, int Count, int Repetition, string Test, string Message)
{
    public static IReadOnlyList<RepetitionStop> Of(MergedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Record.Repeat is not { } repeat)
        {
            return [];
        }
        var stops = new List<RepetitionStop>();
        foreach (var stopped in repeat.Stopped)
        {
            var offset = repeat.FirstRepetitionOf(stopped.Mode);
            var first = run.Tests
                .SelectMany(test => test.Attempts
                    .Where(attempt => attempt.Unit.Mode == stopped.Mode && attempt.Result.Outcome.IsFailure())
                    .Select(attempt => (attempt.Unit, Test: test.DisplayName, Message: attempt.Result.ErrorMessage))
                    .Concat(test.NotRun.Where(notRun => notRun.Unit.Mode == stopped.Mode).Select(notRun => (notRun.Unit, Test: test.DisplayName, Message: (string?)notRun.Reason))))
                .OrderBy(failure => failure.Unit.Repetition)
                .ThenBy(failure => failure.Unit.FinishedAt)
                .FirstOrDefault();
            var unit = run.Record.Units.Where(unit => unit.Mode == stopped.Mode && unit.Exit != UnitExit.Passed).OrderBy(unit => unit.Repetition).FirstOrDefault();
            stops.Add(first.Unit is not null
                ? new RepetitionStop(stopped.Mode, stopped.Started, repeat.Count, first.Unit.Repetition - offset + 1, first.Test, RepetitionDiagnosis.FirstLine(first.Message))
                : new RepetitionStop(stopped.Mode, stopped.Started, repeat.Count, unit is null ? 0 : unit.Repetition - offset + 1, unit?.UnitId ?? "(no unit)", RepetitionDiagnosis.FirstLine(unit?.ExitDetail)));
        }
        return stops;
    }

    /// <summary>The sentence the console and every report give.</summary>
    public string Sentence =>
        $"{ModeName(Mode)}: stopped early (--until-fail) after {Started} of {Count} repetitions; first failure in repetition {Repetition}: {Test}: {Message}";

    public static string ModeName(RepetitionMode mode) => mode == RepetitionMode.Alone ? "alone" : "alongside";
}
