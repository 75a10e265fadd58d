using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Model;

namespace Orchestrator.Audit;

/// <summary>What the audit answers from, gathered by the edge (files, sources, discovery); evaluating them is pure.</summary>
internal sealed record AuditFacts
{
    public required OrchestratorConfiguration Configuration { get; init; }

    /// <summary>The configuration file, as evidence names it.</summary>
    public required string ConfigurationPath { get; init; }

    /// <summary>Lines of the configuration file's keys, by JSON path.</summary>
    public required JsonLineMap ConfigurationLines { get; init; }

    /// <summary>The discovered tests; null when there are none to read, <see cref="InventoryMissing"/> saying why.</summary>
    public TestInventory? Inventory { get; init; }

    public string? InventoryMissing { get; init; }

    /// <summary>Directories of the test projects whose C# sources were scanned.</summary>
    public ImmutableArray<string> TestProjects { get; init; } = [];

    public int SourceFiles { get; init; }

    public ImmutableArray<SourceWait> Waits { get; init; } = [];

    /// <summary>Settings files scanned for secrets (orchestrator.json, *.runsettings, appsettings*.json).</summary>
    public ImmutableArray<string> SettingFiles { get; init; } = [];

    public ImmutableArray<ClearTextSecret> Secrets { get; init; } = [];

    /// <summary>Outcomes of earlier runs, oldest first; null when no history was given.</summary>
    public ImmutableArray<RecentRun>? RecentRuns { get; init; }

    /// <summary>The day of the audit: quarantine entries that ran out before it are reported.</summary>
    public DateOnly Today { get; init; }

    /// <summary>The container resources that name an image, by name.</summary>
    public IReadOnlyList<ResourceDefinition> ContainerImages =>
        [.. Configuration.Resources.Values.Where(resource => resource is { IsContainer: true, Image: not null }).OrderBy(resource => resource.Name, StringComparer.Ordinal)];

    /// <summary>The line of <paramref name="path"/> in the configuration file, as evidence.</summary>
    public AuditEvidence At(string path, string detail) => new(detail, ConfigurationPath, ConfigurationLines.LineOf(path));
}
