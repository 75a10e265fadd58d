using Orchestrator.Caching;

namespace Orchestrator.Runtime.Caching;

/// <summary>What the store holds for a scope: its entry, none, or a damaged file (a warning, and the scope's tests run).</summary>
internal sealed record CacheRead(CacheEntry? Entry, string? Warning)
{
    public static CacheRead Missing { get; } = new(null, null);
}
