using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// How <c>orchestrator build</c> (and <c>run --build</c>) builds the repository: one <c>dotnet build</c>
/// of <see cref="Solution"/> with <see cref="Configuration"/> and extra MSBuild <see cref="Properties"/>,
/// with the manifest targets injected so no project file needs editing.
/// </summary>
public sealed record BuildSettings
{
    public const string DefaultConfiguration = "Release";

    public static BuildSettings Default { get; } = new();

    /// <summary>A solution (.sln, .slnx) or project file, relative to the configuration file; null builds what <c>dotnet build</c> finds in its directory.</summary>
    public string? Solution { get; init; }

    /// <summary>The MSBuild configuration (<c>-c</c>).</summary>
    public string Configuration { get; init; } = DefaultConfiguration;

    /// <summary>Extra global MSBuild properties (<c>-p:Name=Value</c>); names compare case-insensitively, as MSBuild's do.</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
}
