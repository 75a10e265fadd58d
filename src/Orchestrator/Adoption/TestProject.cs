using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>A test project found in a repository: its assembly name, where it is, and the packages it references.</summary>
public sealed record TestProject
{
    public required string Name { get; init; }

    /// <summary>Path of the project file relative to the scanned directory, with '/' separators.</summary>
    public required string RelativePath { get; init; }

    public ImmutableArray<string> Packages { get; init; } = [];
}
