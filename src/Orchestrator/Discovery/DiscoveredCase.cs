using Orchestrator.Model;

namespace Orchestrator.Discovery;

/// <summary>One test case exactly as the test framework reported it (before any mapping).</summary>
/// <param name="Categories">NUnit <c>Category</c> / MSTest <c>TestCategory</c> values.</param>
public sealed record DiscoveredCase(
    string FullyQualifiedName,
    string DisplayName,
    string Source,
    IReadOnlyList<TestTrait> Traits,
    IReadOnlyList<string> Categories);
