namespace Orchestrator.Caching;

/// <summary>
/// What a cache entry is recorded for: one test assembly of one target framework (its path relative to the workspace),
/// run with one set of resources. Each scope keeps the entry of its last passing run, so a key that no longer matches
/// can be compared with the one that did.
/// </summary>
/// <param name="Source">The test assembly's path relative to the workspace, with forward slashes.</param>
/// <param name="Resources">The resource set's name (<c>none</c> without resources).</param>
internal sealed record CacheScope(string Source, string Resources)
{
    public override string ToString() => $"{Source} [{Resources}]";
}
