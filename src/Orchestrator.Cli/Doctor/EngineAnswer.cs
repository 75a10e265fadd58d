namespace Orchestrator.Cli.Doctor;

/// <summary>What the engine said to a ping: its API version, or why it did not answer.</summary>
internal sealed record EngineAnswer(string? ApiVersion, string? Failure, string? Fix = null)
{
    public bool Answered => Failure is null;
}
