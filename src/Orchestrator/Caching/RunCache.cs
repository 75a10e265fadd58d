using System.Collections.Immutable;
using Orchestrator.Model;

namespace Orchestrator.Caching;

/// <summary>
/// The result cache's part in one run: for each scope of the planned tests its decision (reused passes, tests that run
/// and why), and the scope of every planned test, so the run's passes can be recorded where they belong.
/// </summary>
/// <param name="Directory">Where the entries are kept, for messages.</param>
/// <param name="Decisions">One per scope, in ordinal order of the scopes.</param>
/// <param name="Scopes">The scope of every test the plan selected before reused passes were taken out.</param>
/// <param name="Warnings">Entries that could not be read (removed; their tests run).</param>
internal sealed record RunCache(
    string Directory,
    IReadOnlyList<ScopeCacheDecision> Decisions,
    IReadOnlyDictionary<TestKey, CacheScope> Scopes,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The passes reused instead of run, by test.</summary>
    public IReadOnlyDictionary<TestKey, CachedPass> Reused { get; } = Decisions
        .SelectMany(decision => decision.Reused.Select(pass => (Key: new TestKey(AssemblyOf(decision.Scope), pass.FullyQualifiedName), Pass: pass)))
        .ToImmutableDictionary(reused => reused.Key, reused => reused.Pass);

    /// <summary>The test key's assembly part for a scope: the assembly's file name without its extension.</summary>
    public static string AssemblyOf(CacheScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Path.GetFileNameWithoutExtension(scope.Source);
    }
}
