namespace Orchestrator.Caching;

/// <summary>How one input of a cache key differs from the key of the last recorded pass.</summary>
internal enum CacheInputChangeKind
{
    Changed,
    Added,
    Removed,
}

/// <summary>An input that differs between the key of the last recorded pass and the key of this run.</summary>
internal sealed record CacheInputChange(string Name, CacheInputChangeKind Kind)
{
    public override string ToString() => Kind switch
    {
        CacheInputChangeKind.Added => $"{Name} (new input)",
        CacheInputChangeKind.Removed => $"{Name} (no longer an input)",
        _ => $"{Name} changed",
    };
}
