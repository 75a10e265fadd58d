using System.Collections.Immutable;

namespace Orchestrator.Pipeline.Up;

/// <summary>One resource <c>up</c> keeps: its container, published ports, password and the namespace it made for the IDE.</summary>
/// <param name="ContainerId">Null for a resource the environment provides (no container).</param>
internal sealed record UpInstance(
    string Resource,
    string? ContainerId,
    ImmutableSortedDictionary<int, int> Ports,
    string Secret,
    string Namespace);
