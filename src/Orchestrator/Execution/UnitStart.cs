namespace Orchestrator.Execution;

/// <summary>A unit process that just started.</summary>
/// <param name="UnitId">Unit id as recorded (<c>#retryN</c> appended for re-runs).</param>
/// <param name="TestCount">Tests (by fully qualified name) it was asked to run.</param>
/// <param name="ProcessId">The <c>dotnet test</c> process.</param>
public sealed record UnitStart(
    string UnitId,
    string PartitionId,
    int Attempt,
    int Repetition,
    int TestCount,
    int ProcessId,
    DateTimeOffset StartedAt);
