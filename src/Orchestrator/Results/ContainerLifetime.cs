namespace Orchestrator.Results;

/// <summary>A resource instance's life during a run, for the report's timeline.</summary>
/// <param name="InstanceName">Unique within the run.</param>
/// <param name="Resource">Configured resource name.</param>
/// <param name="ContainerId">Engine container id, or null for an external resource.</param>
/// <param name="CreatedAt">Creation began.</param>
/// <param name="ReadyAt">Readiness probe first succeeded; null when it never did.</param>
/// <param name="RemovedAt">Removed; null when the run ended before removal completed.</param>
/// <param name="Partitions">Partitions that used it.</param>
public sealed record ContainerLifetime(
    string InstanceName,
    string Resource,
    string? ContainerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadyAt,
    DateTimeOffset? RemovedAt,
    IReadOnlyList<string> Partitions)
{
    /// <summary>How it ended when that was not the run removing it (it died while in use), or why removal failed; null when all went as planned.</summary>
    public string? Ended { get; init; }

    /// <summary>Why the first container failed to start when a fresh one was started in its place (runs with retries); null when the first one started.</summary>
    public string? FirstStartFailure { get; init; }
}
