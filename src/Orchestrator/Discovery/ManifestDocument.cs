namespace Orchestrator.Discovery;

/// <summary>The manifest file as written by the MSBuild task (schema version 1 or 2).</summary>
internal sealed record ManifestDocument(
    int SchemaVersion,
    string? ProjectPath,
    string? ProjectName,
    string? TargetFramework,
    string? TargetPath,
    string? Configuration,
    string? Runner,
    string? Layer,
    IReadOnlyList<string>? Resources,
    string? RunSettingsFilePath = null,
    string? CoverageCollectorDirectory = null);
