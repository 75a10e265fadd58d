namespace Orchestrator.Caching;

/// <summary>
/// For one scope's planned tests: the passes that are reused and the tests that run, with why they are not reused.
/// </summary>
/// <param name="Scope">The assembly and resource set.</param>
/// <param name="Key">This run's key for the scope, under which its passes will be recorded.</param>
/// <param name="Reused">Recorded passes of planned tests under the same key: these tests do not run.</param>
/// <param name="ToRun">Planned tests without such a pass, in the order given.</param>
/// <param name="Changes">When an entry exists under another key: the inputs that changed since its passes.</param>
/// <param name="Reason">Why <paramref name="ToRun"/> run; null when all are reused.</param>
internal sealed record ScopeCacheDecision(
    CacheScope Scope,
    CacheKey Key,
    IReadOnlyList<CachedPass> Reused,
    IReadOnlyList<string> ToRun,
    IReadOnlyList<CacheInputChange> Changes,
    string? Reason)
{
    /// <summary>Decides from the scope's stored entry, if any.</summary>
    public static ScopeCacheDecision For(CacheScope scope, CacheKey key, CacheEntry? stored, IReadOnlyList<string> plannedTests)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(plannedTests);
        if (stored is null)
        {
            return new(scope, key, [], plannedTests, [], plannedTests.Count == 0 ? null : "no pass recorded for this assembly and resource set");
        }
        var changes = key.ChangesSince(stored.Key);
        if (changes.Count > 0)
        {
            return new(scope, key, [], plannedTests, changes, plannedTests.Count == 0 ? null : "since the last pass: " + string.Join(", ", changes));
        }
        var passes = stored.Passes.ToDictionary(pass => pass.FullyQualifiedName, StringComparer.Ordinal);
        var reused = new List<CachedPass>();
        var toRun = new List<string>();
        foreach (var test in plannedTests)
        {
            if (passes.TryGetValue(test, out var pass))
            {
                reused.Add(pass);
            }
            else
            {
                toRun.Add(test);
            }
        }
        return new(scope, key, reused, toRun, [], toRun.Count == 0 ? null : "inputs unchanged, but no recorded pass (new, failed, flaky or not run before)");
    }
}
