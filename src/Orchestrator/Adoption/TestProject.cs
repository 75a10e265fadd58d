using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>A test project found in a repository: its assembly name, where it is, and the packages it references.</summary>
public sealed record TestProject
{
    public required string Name { get; init; }

    /// <summary>Path of the project file relative to the scanned directory, with '/' separators.</summary>
    public required string RelativePath { get; init; }

    /// <summary>
    /// Every package the project gets: its own, through project references, from Directory.* files and, when
    /// it was restored, through other packages.
    /// </summary>
    public ImmutableArray<string> Packages { get; init; } = [];

    /// <summary>How each of <see cref="Packages"/> reaches the project (the shortest way).</summary>
    public ImmutableArray<PackageReach> Reached { get; init; } = [];

    /// <summary>
    /// The restore output (<c>project.assets.json</c>, relative to the scanned directory) from which packages that
    /// come through other packages were read; null when the project was not restored.
    /// </summary>
    public string? AssetsFile { get; init; }

    /// <summary>Traits its source code declares (a text scan).</summary>
    public SourceTraits Traits { get; init; } = SourceTraits.None;

    /// <summary>What its source code uses: client namespaces, variables read, containers it starts, server-wide operations (a text scan).</summary>
    internal SourceUsage Usage { get; init; } = SourceUsage.None;

    /// <summary>What the scan could not follow or decide for this project.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
}
