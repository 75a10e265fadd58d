using Orchestrator.Caching;

namespace Orchestrator.Pipeline;

/// <summary>One assembly and resource set in the result cache's decision: how many of its planned tests are reused, and why the others run.</summary>
/// <param name="Source">The test assembly, relative to the workspace.</param>
/// <param name="Resources">The resource set (<c>none</c> without resources).</param>
/// <param name="Reused">Planned tests whose recorded pass is reused.</param>
/// <param name="Run">Planned tests that run.</param>
/// <param name="Reason">Why they run (which inputs changed since the last pass, or no pass recorded); null when none runs.</param>
public sealed record CacheScopeSummary(string Source, string Resources, int Reused, int Run, string? Reason)
{
    internal static CacheScopeSummary From(ScopeCacheDecision decision) =>
        new(decision.Scope.Source, decision.Scope.Resources, decision.Reused.Count, decision.ToRun.Count, decision.Reason);
}
