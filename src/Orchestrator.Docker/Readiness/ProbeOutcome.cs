namespace Orchestrator.Docker.Readiness;

/// <summary>The result of one probe attempt: ready, or why not yet.</summary>
internal readonly record struct ProbeOutcome(bool Ready, string? Error)
{
    public static ProbeOutcome Success { get; } = new(true, null);

    public static ProbeOutcome NotYet(string error) => new(false, error);
}
