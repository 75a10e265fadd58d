namespace Orchestrator.Discovery;

/// <summary>The raw cases found in one test assembly, and whether they came from the cache.</summary>
internal sealed record AssemblyDiscovery(string AssemblyPath, IReadOnlyList<DiscoveredCase> Cases, bool FromCache);
