using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>
/// Runs one unit attempt to its end and returns its record with its results (<see cref="Results.UnitRun.Results"/>): a <c>dotnet test</c> process
/// in a real run, a fake in the scheduler's own tests. Never throws for a unit that fails, crashes,
/// hangs or cannot start: those are outcomes.
/// </summary>
internal interface IUnitRunner
{
    /// <param name="attempt">What to run.</param>
    /// <param name="environment">Variables set on top of the inherited environment (configured test environment, resource variables).</param>
    /// <param name="ct">Cancels the run: the unit is stopped and recorded as cancelled.</param>
    Task<UnitRun> RunAsync(UnitAttempt attempt, IReadOnlyDictionary<string, string> environment, CancellationToken ct);
}
