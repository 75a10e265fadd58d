using Orchestrator.Planning;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>One process to run: a plan unit (or the re-run of some of its tests), which attempt, which repetition.</summary>
/// <param name="Unit">What to run; for a re-run, a unit holding just the tests to re-run.</param>
/// <param name="PlanUnitId">Id of the plan unit it derives from.</param>
public sealed record UnitAttempt(ExecutionUnit Unit, string PlanUnitId, int Attempt, int Repetition)
{
    /// <summary>Id recorded in <see cref="UnitRun.UnitId"/>: the plan id, with <c>#retryN</c> for re-runs.</summary>
    /// <summary>The mode of the repetition; an <see cref="RepetitionMode.Alone"/> attempt runs with nothing else running.</summary>
    public RepetitionMode? Mode { get; init; }

    public string RecordedId => Attempt == 0 ? PlanUnitId : $"{PlanUnitId}#retry{Attempt}";

    /// <summary>The record of this attempt, which expects every test of its unit.</summary>
    public UnitRun Record(string? trxPath, DateTimeOffset startedAt, DateTimeOffset finishedAt, UnitExit exit, string? detail) =>
        new(RecordedId, Unit.PartitionId, Unit.Layer, Unit.Resources, Attempt, Repetition, Unit.Tests, trxPath, startedAt, finishedAt, exit, detail)
        {
            ExpectedRows = Unit.Rows,
            Mode = Mode,
        };
}
