using Orchestrator.Model;
using System.Collections.Immutable;

namespace Orchestrator.Discovery;

/// <summary>
/// What the build says about one test project and target framework (written by the
/// Orchestrator.MSBuild task): where the test assembly is, its runner, and the layer and
/// resources the project declares for all of its tests, its own <c>.runsettings</c> and its coverage collector.
/// </summary>
/// <param name="ManifestPath">The manifest file this was read from (for messages).</param>
public sealed record TestProjectManifest(
    string ProjectPath,
    string ProjectName,
    string TargetFramework,
    string TargetPath,
    string Configuration,
    TestRunnerKind Runner,
    string? Layer,
    ImmutableArray<string> Resources,
    string ManifestPath)
{
    /// <summary>The project's own <c>.runsettings</c> (its <c>RunSettingsFilePath</c>), full path; null for none.</summary>
    public string? RunSettingsFilePath { get; init; }

    /// <summary>Where coverlet's VSTest collector is, when the project references <c>coverlet.collector</c>; null otherwise.</summary>
    public string? CoverageCollectorDirectory { get; init; }
}
