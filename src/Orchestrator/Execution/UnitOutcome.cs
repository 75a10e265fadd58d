using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>A finished unit process: its record and the test results it produced (TRX, else the live stream).</summary>
public sealed record UnitOutcome(UnitRun Run, IReadOnlyList<LiveTestResult> Results);
