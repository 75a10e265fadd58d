namespace Orchestrator.Model;

/// <summary>
/// A test as discovery found it, with the layer and resources resolved from its traits,
/// its project's declarations, the configuration's rules and defaults.
/// </summary>
/// <param name="Key">Assembly and fully qualified name: the unit of scheduling.</param>
/// <param name="DisplayName">The framework's display name of the first case.</param>
/// <param name="SourcePath">Full path of the test assembly the test was discovered in.</param>
/// <param name="ProjectPath">Full path of the test project, when a manifest named it.</param>
/// <param name="Layer">Configured layer name, lower case (<c>unit</c>, <c>integration</c>, <c>e2e</c>).</param>
/// <param name="Resources">Resources the test needs.</param>
/// <param name="Traits">Every trait and category value the framework reported, in order.</param>
/// <param name="LayerOrigin">Where <paramref name="Layer"/> came from.</param>
/// <param name="ResourcesOrigin">Where <paramref name="Resources"/> came from.</param>
/// <param name="CaseCount">How many discovered cases (theory data rows) share the key.</param>
public sealed record DiscoveredTest(
    TestKey Key,
    string DisplayName,
    string SourcePath,
    string? ProjectPath,
    string Layer,
    ResourceSet Resources,
    IReadOnlyList<TestTrait> Traits,
    TraitOrigin LayerOrigin,
    TraitOrigin ResourcesOrigin,
    int CaseCount = 1)
{
    /// <summary>The named partition a rule put the test in, apart from the rest of its layer and resources; null for none.</summary>
    public string? Partition { get; init; }

    /// <summary>What runs the test's assembly.</summary>
    public TestRunnerKind Runner { get; init; }

    /// <summary>The platform ids of the test's cases (Microsoft.Testing.Platform test node uids); empty for VSTest.</summary>
    public IReadOnlyList<string> CaseIds { get; init; } = [];

    /// <summary>Every discovered case the platform gave an id, in discovery order: what the test's results are counted against.</summary>
    public IReadOnlyList<TestCaseRow> Rows { get; init; } = [];
}
