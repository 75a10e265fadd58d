using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// The whole of <c>orchestrator.json</c>, validated and with defaults applied. Immutable:
/// derive variations with <c>with</c>. Names of layers, cadences and resources are lower case.
/// </summary>
public sealed record OrchestratorConfiguration
{
    /// <summary>Trait names that carry a test's layer and its resources.</summary>
    public TraitNames Traits { get; init; } = TraitNames.Default;

    /// <summary>Known layers, in report order.</summary>
    public ImmutableArray<string> Layers { get; init; } = ["unit", "integration", "e2e"];

    /// <summary>Layer given to a test that declares none (and counted as such).</summary>
    public string DefaultLayer { get; init; } = "unit";

    public ImmutableDictionary<string, CadenceDefinition> Cadences { get; init; } =
        ImmutableDictionary<string, CadenceDefinition>.Empty;

    public ImmutableDictionary<string, ResourceDefinition> Resources { get; init; } =
        ImmutableDictionary<string, ResourceDefinition>.Empty;

    /// <summary>Ordered rules that give layer and resources to tests by name; first match wins.</summary>
    public ImmutableArray<TestRule> Rules { get; init; } = [];

    public ParallelismSettings Parallelism { get; init; } = ParallelismSettings.Default;

    public TimeoutSettings Timeouts { get; init; } = TimeoutSettings.Default;

    public ExecutionSettings Execution { get; init; } = ExecutionSettings.Default;

    /// <summary>Whether a test that failed and then passed on a re-run fails the build.</summary>
    public bool FlakyFailsBuild { get; init; }

    /// <summary>
    /// Test projects (by name) the orchestrator leaves out on purpose: not discovered, not run, named in a warning.
    /// Any other project that cannot be discovered fails the run.
    /// </summary>
    public ImmutableArray<string> IgnoreProjects { get; init; } = [];

    /// <summary>Extra environment variables for every <c>dotnet test</c> process.</summary>
    public ImmutableDictionary<string, string> TestEnvironment { get; init; } =
        ImmutableDictionary<string, string>.Empty;

    /// <summary>The solution or project to build, relative to the configuration file.</summary>
    public string? Solution { get; init; }

    /// <summary>How <c>orchestrator build</c> builds the repository (its solution defaults to <see cref="Solution"/>).</summary>
    public BuildSettings Build { get; init; } = BuildSettings.Default;

    /// <summary>The team's own test settings for every unit: a .runsettings file, loggers, data collectors.</summary>
    public TestSettings TestSettings { get; init; } = TestSettings.Default;

    /// <summary>Code coverage of every unit, merged per layer and for the run.</summary>
    public CoverageSettings Coverage { get; init; } = CoverageSettings.Default;

    /// <summary>The result cache: its directory, size limit and the files besides the test assemblies that tests read.</summary>
    public CacheSettings Cache { get; init; } = CacheSettings.Default;

    /// <summary>Where every run's outcomes are kept, for flaky rates and new failures.</summary>
    public HistorySettings History { get; init; } = HistorySettings.Default;

    /// <summary>Where the configuration was read from (for messages and relative paths).</summary>
    public string? SourcePath { get; init; }

    /// <summary>Containers that <paramref name="resources"/> need at once; a name the configuration does not define counts as one.</summary>
    public int ContainersNeeded(IEnumerable<string> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return resources.Count(name => !Resources.TryGetValue(name, out var definition) || definition.IsContainer);
    }

    /// <summary>The most units that may use all of <paramref name="resources"/> at once: the smallest concurrency among them, or null for no limit.</summary>
    public int? ConcurrencyOf(IEnumerable<string> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return resources.Select(name => Resources.GetValueOrDefault(name)?.Concurrency).Where(limit => limit is not null).Min();
    }
}
