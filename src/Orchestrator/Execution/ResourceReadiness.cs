namespace Orchestrator.Execution;

/// <summary>Whether a unit's resources allow it to start now.</summary>
internal enum ResourceReadiness
{
    Waiting,
    Ready,
    Failed,
}
