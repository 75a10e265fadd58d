using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>
/// Selected tests the planner turns into one partition: the tests of one layer and resource set, or
/// several small resource sets of one layer packed together.
/// </summary>
/// <param name="Id">The partition id the group becomes.</param>
/// <param name="Resources">Every resource a test of the group needs.</param>
/// <param name="PackedSets">The resource sets packed into the group; empty for a single resource set.</param>
/// <param name="Name">The partition a rule named; such a group is kept apart, never packed.</param>
internal sealed record TestGroup(
    string Id,
    string Layer,
    ResourceSet Resources,
    IReadOnlyList<DiscoveredTest> Tests,
    IReadOnlyList<ResourceSet> PackedSets,
    string? Name = null);
