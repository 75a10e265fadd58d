namespace Orchestrator.Adoption;

/// <summary>A host port test code binds itself (<c>.WithPortBinding(6380, 6379)</c>): two runs at once on one engine collide on it.</summary>
internal sealed record FixedHostPort(int Port, string File, int Line)
{
    public override string ToString() => $"host port {Port} ({File} line {Line})";
}
