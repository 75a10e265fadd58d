namespace Orchestrator.Discovery;

/// <summary>A cache entry: the cases of one assembly content, stored under its content hash.</summary>
internal sealed record CachedDiscovery(int FormatVersion, IReadOnlyList<CachedCase> Cases);

internal sealed record CachedCase(
    string FullyQualifiedName,
    string DisplayName,
    IReadOnlyList<DiscoveryLogTrait> Traits,
    IReadOnlyList<string> Categories)
{
    /// <summary>The platform's id of the case (a Microsoft.Testing.Platform uid); null for VSTest cases.</summary>
    public string? Id { get; init; }
}
