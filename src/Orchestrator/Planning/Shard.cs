namespace Orchestrator.Planning;

/// <summary>Shard <paramref name="Index"/> (1-based) of <paramref name="Count"/>: <c>--shard 2/4</c>.</summary>
public sealed record Shard(int Index, int Count)
{
    public override string ToString() => $"{Index}/{Count}";
}
