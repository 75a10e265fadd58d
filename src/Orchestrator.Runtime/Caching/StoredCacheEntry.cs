using Orchestrator.Caching;
using Orchestrator.Results.Trx;

namespace Orchestrator.Runtime.Caching;

/// <summary>A <see cref="CacheEntry"/> as one file of the result cache holds it.</summary>
internal sealed record StoredCacheEntry(
    int FormatVersion,
    string Source,
    string Resources,
    string Key,
    IReadOnlyList<StoredCacheInput> Inputs,
    IReadOnlyList<StoredCachedPass> Passes)
{
    public static StoredCacheEntry From(CacheEntry entry) => new(
        CacheKey.FormatVersion,
        entry.Scope.Source,
        entry.Scope.Resources,
        entry.Key.Value,
        [.. entry.Key.Inputs.Select(input => new StoredCacheInput(input.Name, input.Digest))],
        [.. entry.Passes.Select(pass => new StoredCachedPass(pass.FullyQualifiedName, [.. pass.Cases.Select(StoredCachedCase.From)], pass.RunId, pass.RecordedAt))]);

    /// <summary>The entry, or null when the file is of another format, another scope, or its key does not match its inputs.</summary>
    public CacheEntry? ToEntry(CacheScope expectedScope)
    {
        if (FormatVersion != CacheKey.FormatVersion || new CacheScope(Source, Resources) != expectedScope || Inputs is null || Passes is null
            || Passes.Any(pass => pass?.Test is null || pass.Cases is null || pass.Cases.Any(@case => @case?.Definition is null)))
        {
            return null;
        }
        var key = CacheKey.Of(Inputs.Select(input => new CacheInput(input.Name, input.Digest)));
        if (key.Value != Key)
        {
            return null;
        }
        return new CacheEntry(expectedScope, key, [.. Passes.Select(pass => new CachedPass(pass.Test, [.. pass.Cases.Select(@case => @case.ToCase())], pass.RunId, pass.RecordedAt))]);
    }
}

internal sealed record StoredCacheInput(string Name, string Digest);

internal sealed record StoredCachedPass(string Test, IReadOnlyList<StoredCachedCase> Cases, string RunId, DateTimeOffset RecordedAt);

internal sealed record StoredCachedCase(string DisplayName, string TestId, double DurationMs, TrxTestDefinition Definition)
{
    public static StoredCachedCase From(CachedCase @case) => new(@case.DisplayName, @case.TestId, @case.Duration.TotalMilliseconds, @case.Definition);

    public CachedCase ToCase() => new(DisplayName, TestId, TimeSpan.FromMilliseconds(DurationMs), Definition);
}
