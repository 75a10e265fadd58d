namespace Orchestrator.Docker.Readiness;

/// <summary>The probe did not succeed before the deadline.</summary>
internal sealed class ReadinessTimeoutException(TimeSpan deadline, int attempts, string? lastError)
    : Exception($"Not ready within {deadline.TotalSeconds:0.###} s.")
{
    public TimeSpan Deadline { get; } = deadline;

    public int Attempts { get; } = attempts;

    public string? LastError { get; } = lastError;
}
