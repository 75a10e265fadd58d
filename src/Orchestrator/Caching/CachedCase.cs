using Orchestrator.Results.Trx;

namespace Orchestrator.Caching;

/// <summary>One case of a cached test (a theory row is its own case), as a reused pass reports it again.</summary>
/// <param name="DisplayName">The case's display name.</param>
/// <param name="TestId">The id of the case's definition, stable across runs.</param>
/// <param name="Duration">Its duration in the run that passed it.</param>
/// <param name="Definition">Where the case lives and which adapter ran it.</param>
internal sealed record CachedCase(string DisplayName, string TestId, TimeSpan Duration, TrxTestDefinition Definition);
