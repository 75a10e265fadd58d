using Orchestrator.Model;

namespace Orchestrator.Results;

/// <summary>Which shard of which split a run was: what <c>merge</c> checks the shards against.</summary>
/// <param name="Index">1-based shard.</param>
/// <param name="Count">How many shards the plan was split into.</param>
/// <param name="Fingerprint">The split's fingerprint: equal on every agent that planned from the same inputs.</param>
/// <param name="Selection">Every test the whole plan selected, over all shards.</param>
public sealed record ShardRecord(int Index, int Count, string Fingerprint, IReadOnlyList<TestKey> Selection)
{
    public override string ToString() => $"{Index}/{Count}";
}
