using System.Collections.Immutable;

namespace Orchestrator.Pipeline.Up;

/// <summary>A resource <c>up</c> keeps: its container (null when the environment provides it), ports and namespace.</summary>
public sealed record UpService(string Resource, string? ContainerId, ImmutableSortedDictionary<int, int> Ports, string Namespace);
