using Orchestrator.Model;

namespace Orchestrator.Discovery;

/// <summary>One test case exactly as the test framework reported it (before any mapping).</summary>
/// <param name="Categories">NUnit <c>Category</c> / MSTest <c>TestCategory</c> values.</param>
public sealed record DiscoveredCase(
    string FullyQualifiedName,
    string DisplayName,
    string Source,
    IReadOnlyList<TestTrait> Traits,
    IReadOnlyList<string> Categories)
{
    /// <summary>
    /// The platform's own id of the case: a Microsoft.Testing.Platform test node's uid, which is how a run selects it.
    /// Null for VSTest cases, which are selected by name.
    /// </summary>
    public string? Id { get; init; }
}
