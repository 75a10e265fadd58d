namespace Orchestrator.Docker.Readiness;

/// <summary>How an instance became ready: which probe, how many attempts, and when.</summary>
/// <param name="InstanceName">The instance.</param>
/// <param name="Probe">The probe that succeeded.</param>
/// <param name="Attempts">Probe attempts made, the successful one included.</param>
/// <param name="CreatedAt">When container creation began.</param>
/// <param name="RunningAt">When the container was started (probing began).</param>
/// <param name="ReadyAt">When the probe first succeeded.</param>
public sealed record ReadinessReport(
    string InstanceName,
    string Probe,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset RunningAt,
    DateTimeOffset ReadyAt)
{
    public TimeSpan CreateToReady => ReadyAt - CreatedAt;
}
