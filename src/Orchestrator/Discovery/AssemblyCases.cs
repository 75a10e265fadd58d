namespace Orchestrator.Discovery;

/// <summary>The raw cases of one test assembly with the manifest of its project, if any: classification input.</summary>
public sealed record AssemblyCases(string AssemblyPath, TestProjectManifest? Manifest, IReadOnlyList<DiscoveredCase> Cases);
