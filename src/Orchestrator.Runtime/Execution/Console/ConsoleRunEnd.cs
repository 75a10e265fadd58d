namespace Orchestrator.Execution.Console;

/// <summary>How a run on a long-lived console ended: completed, or aborted (its host crashed or was killed, or the console was lost).</summary>
internal sealed record ConsoleRunEnd(bool Aborted);
