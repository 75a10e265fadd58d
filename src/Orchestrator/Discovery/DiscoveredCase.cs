using Orchestrator.Model;

namespace Orchestrator.Discovery;

/// <summary>One test case exactly as the test framework reported it (before any mapping).</summary>
/// <param name="Categories">NUnit <c>Category</c> / MSTest <c>TestCategory</c> values.</param>
internal sealed record DiscoveredCase(
    string FullyQualifiedName,
    string DisplayName,
    string Source,
    IReadOnlyList<TestTrait> Traits,
    IReadOnlyList<string> Categories)
{
    /// <summary>
    /// The platform's own id of the case: a Microsoft.Testing.Platform test node's uid, which is how a run selects it, or
    /// the VSTest test case id, which its results carry (VSTest runs select by name). Null when the platform gave none.
    /// </summary>
    public string? Id { get; init; }
}
