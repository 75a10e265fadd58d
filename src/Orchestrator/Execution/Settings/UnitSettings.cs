using System.Collections.Immutable;
using Orchestrator.Configuration;

namespace Orchestrator.Execution.Settings;

/// <summary>
/// The team's own test settings as a run hands them to its units, read and checked before the run: merged under what
/// the orchestrator needs in every unit's <c>.runsettings</c> (see <see cref="DotnetTestCommand"/>).
/// </summary>
public sealed record UnitSettings
{
    public static UnitSettings None { get; } = new();

    /// <summary>The configuration's <c>testSettings.runSettings</c>, under every project's own; null for none.</summary>
    public RunSettingsLayer? Shared { get; init; }

    /// <summary>
    /// Each test assembly's project <c>.runsettings</c> (its <c>RunSettingsFilePath</c>), by the assembly's full path: of
    /// VSTest assemblies and of Microsoft.Testing.Platform applications that read <c>.runsettings</c>.
    /// </summary>
    public ImmutableDictionary<string, RunSettingsLayer> Projects { get; init; } = ImmutableDictionary<string, RunSettingsLayer>.Empty;

    /// <summary>
    /// The environment variables the orchestrator sets in every unit (resource variables, <c>testEnvironment</c>): left out
    /// of the team's documents (see <see cref="ReservedVariables"/>).
    /// </summary>
    public ImmutableHashSet<string> ReservedVariables { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Extra loggers, each passed as <c>--logger</c>.</summary>
    public ImmutableArray<string> Loggers { get; init; } = [];

    /// <summary>Extra data collectors, each passed as <c>--collect</c>.</summary>
    public ImmutableArray<string> Collectors { get; init; } = [];

    /// <summary>Whether and what units measure; off passes no coverage collector at all.</summary>
    public CoverageSettings Coverage { get; init; } = CoverageSettings.Default;

    /// <summary>
    /// Where coverlet's VSTest collector is for each test assembly whose project references <c>coverlet.collector</c>
    /// (by the assembly's full path); an assembly without one collects no coverage.
    /// </summary>
    public ImmutableDictionary<string, string> CoverageCollectors { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The team's documents for a unit over <paramref name="sources"/>: the shared one, then each distinct project document in source order.</summary>
    public IReadOnlyList<RunSettingsLayer> LayersFor(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var layers = new List<RunSettingsLayer>();
        if (Shared is not null)
        {
            layers.Add(Shared);
        }
        foreach (var source in sources)
        {
            if (Projects.TryGetValue(source, out var layer) && !layers.Any(known => string.Equals(known.Source, layer.Source, StringComparison.Ordinal)))
            {
                layers.Add(layer);
            }
        }
        return layers;
    }

    /// <summary>The merged <c>.runsettings</c> of a Microsoft.Testing.Platform application that reads them; null without team documents.</summary>
    internal (string Xml, IReadOnlyList<RunSettingsConflict> Conflicts)? PlatformSettingsFor(string source) =>
        PlatformRunSettings.Merge(LayersFor([source]), ReservedVariables);

    /// <summary>The coverage collector directories a unit over <paramref name="sources"/> passes; empty when coverage is off.</summary>
    public IReadOnlyList<string> CoverageCollectorsFor(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return Coverage.Enabled
            ? [.. sources.Select(source => CoverageCollectors.GetValueOrDefault(source)).OfType<string>().Distinct(StringComparer.Ordinal)]
            : [];
    }
}
