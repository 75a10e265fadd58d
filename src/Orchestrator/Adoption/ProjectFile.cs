using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>What a project file says by itself, read as XML (not evaluated by MSBuild).</summary>
internal sealed record ProjectFile
{
    public required string FullPath { get; init; }

    /// <summary>The <c>AssemblyName</c> when the file sets a literal one; else the file name.</summary>
    public required string AssemblyName { get; init; }

    public string Sdk { get; init; } = "";

    /// <summary>The last unconditional <c>IsTestProject</c> value; null when the file sets none.</summary>
    public bool? IsTestProject { get; init; }

    /// <summary>Whether the file sets <c>IsTestProject</c> under a condition (which is not evaluated).</summary>
    public bool SetsIsTestProjectConditionally { get; init; }

    /// <summary>Packages added with <c>PackageReference Include</c> (<c>Update</c> adds none).</summary>
    public ImmutableArray<PackageItem> Packages { get; init; } = [];

    /// <summary><c>ProjectReference Include</c> values as written, relative to the project's directory.</summary>
    public ImmutableArray<string> ProjectReferences { get; init; } = [];

    /// <summary>Properties set outside any condition, in file order, as written (not expanded).</summary>
    public ImmutableArray<KeyValuePair<string, string>> Properties { get; init; } = [];

    public string Name => Path.GetFileName(FullPath);

    public string Directory => Path.GetDirectoryName(FullPath)!;
}
