namespace Orchestrator.Docker.Readiness;

/// <summary>No probe: ready as soon as the container runs (or at once for an external resource).</summary>
internal sealed class ReadyWhenRunningProbe : IReadinessProbe
{
    public static ReadyWhenRunningProbe Instance { get; } = new();

    public string Description => "none (ready when running)";

    public Task<ProbeOutcome> TryAsync(CancellationToken ct) => Task.FromResult(ProbeOutcome.Success);
}
