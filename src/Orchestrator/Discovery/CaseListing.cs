using Orchestrator.Model;

namespace Orchestrator.Discovery;

/// <summary>The raw cases of every assembly that could be listed, what went wrong, and which came from the cache.</summary>
internal sealed record CaseListing(
    IReadOnlyList<AssemblyCases> Assemblies,
    IReadOnlyList<DiscoveryProblem> Problems,
    IReadOnlyList<string> CachedAssemblies);
