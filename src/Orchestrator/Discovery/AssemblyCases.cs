namespace Orchestrator.Discovery;

/// <summary>The raw cases of one test assembly with the manifest of its project, if any: classification input.</summary>
/// <param name="AssemblyPath">The test assembly.</param>
/// <param name="Manifest">Its project's manifest; null for an assembly given without one.</param>
/// <param name="Cases">Its cases as listed.</param>
/// <param name="TargetFramework">
/// The framework an assembly without a manifest was built for (<c>net9.0</c>), read from the assembly; tells apart
/// builds of one project for several frameworks when they are given by path.
/// </param>
internal sealed record AssemblyCases(string AssemblyPath, TestProjectManifest? Manifest, IReadOnlyList<DiscoveredCase> Cases, string? TargetFramework = null);
