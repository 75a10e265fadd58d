namespace Orchestrator.Discovery;

/// <summary>A test project whose host needs a runtime this machine lacks: what is missing, and how to fix it.</summary>
public sealed record MissingRuntime(string Problem, string Fix)
{
    public override string ToString() => $"{Problem} {Fix}";
}
