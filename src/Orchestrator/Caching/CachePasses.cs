using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Caching;

/// <summary>What a run adds to the result cache: per scope, the tests it ran whose every case passed on the first attempt.</summary>
internal static class CachePasses
{
    public static IReadOnlyDictionary<CacheScope, IReadOnlyList<CachedPass>> Of(RunCache cache, IEnumerable<MergedTest> tests, string runId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(tests);
        var passes = new Dictionary<CacheScope, List<CachedPass>>();
        foreach (var test in tests.GroupBy(test => test.Key))
        {
            if (!cache.Scopes.TryGetValue(test.Key, out var scope) || !test.All(PassedCleanly))
            {
                continue;
            }
            var cases = test.Select(@case => @case.Attempts[^1].Result)
                .OrderBy(result => result.DisplayName, StringComparer.Ordinal)
                .Select(result => new CachedCase(result.DisplayName, result.TestId, result.Duration, result.Definition))
                .ToList();
            if (!passes.TryGetValue(scope, out var list))
            {
                passes[scope] = list = [];
            }
            list.Add(new CachedPass(test.Key.FullyQualifiedName, cases, runId, at));
        }
        return passes.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<CachedPass>)pair.Value);
    }

    /// <summary>Ran (not reused), passed on every attempt it had, and produced a result in every repetition.</summary>
    private static bool PassedCleanly(MergedTest test) =>
        !test.Cached
        && test.Outcome == TestOutcome.Passed
        && test.NotRun.Count == 0
        && test.Attempts.Count > 0
        && test.Attempts.All(attempt => attempt.Result.Outcome.IsPassed());
}
