namespace Orchestrator.Caching;

/// <summary>The passes recorded for one scope under one key.</summary>
internal sealed record CacheEntry(CacheScope Scope, CacheKey Key, IReadOnlyList<CachedPass> Passes)
{
    /// <summary>
    /// The entry after a run under <paramref name="key"/> passed <paramref name="passes"/>: added to this entry's passes when
    /// the key is unchanged (a newer pass of the same test replaces the older), or on their own when the key changed,
    /// since passes under another key say nothing about this one.
    /// </summary>
    public CacheEntry With(CacheKey key, IReadOnlyList<CachedPass> passes)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(passes);
        var kept = key == Key ? Passes : [];
        var byTest = kept.ToDictionary(pass => pass.FullyQualifiedName, StringComparer.Ordinal);
        foreach (var pass in passes)
        {
            byTest[pass.FullyQualifiedName] = pass;
        }
        return this with { Key = key, Passes = [.. byTest.Values.OrderBy(pass => pass.FullyQualifiedName, StringComparer.Ordinal)] };
    }

    /// <summary>The entry for a scope that had none.</summary>
    public static CacheEntry First(CacheScope scope, CacheKey key, IReadOnlyList<CachedPass> passes) =>
        new CacheEntry(scope, key, []).With(key, passes);
}
