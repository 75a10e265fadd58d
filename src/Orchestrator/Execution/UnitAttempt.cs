using Orchestrator.Planning;

namespace Orchestrator.Execution;

/// <summary>One process to run: a plan unit (or the re-run of some of its tests), which attempt, which repetition.</summary>
/// <param name="Unit">What to run; for a re-run, a unit holding just the tests to re-run.</param>
/// <param name="PlanUnitId">Id of the plan unit it derives from.</param>
public sealed record UnitAttempt(ExecutionUnit Unit, string PlanUnitId, int Attempt, int Repetition)
{
    /// <summary>Id recorded in <see cref="Results.UnitRun.UnitId"/>: the plan id, with <c>#retryN</c> for re-runs.</summary>
    public string RecordedId => Attempt == 0 ? PlanUnitId : $"{PlanUnitId}#retry{Attempt}";
}
