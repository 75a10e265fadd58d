using System.Collections.Immutable;

namespace Orchestrator.Resources;

/// <summary>A unit's view of a resource instance: its namespace and the variables its tests receive.</summary>
/// <param name="Instance">The instance the namespace lives in.</param>
/// <param name="PartitionId">The namespace id it was created for (plan unit, repetition, attempt).</param>
/// <param name="Namespace">Database name, Redis db index, vhost, … (empty when the resource has none).</param>
/// <param name="Variables">Environment variables for the partition's test processes, templates rendered.</param>
public sealed record PartitionResource(
    ResourceInstance Instance,
    string PartitionId,
    string Namespace,
    ImmutableDictionary<string, string> Variables);
