using System.Collections.Immutable;
using Orchestrator.Configuration;

namespace Orchestrator.Resources;

/// <summary>A started, ready resource.</summary>
/// <param name="Definition">What was started.</param>
/// <param name="InstanceName">Unique within the run.</param>
/// <param name="ContainerId">Engine container id; null for an external resource.</param>
/// <param name="Host">Address tests connect to (127.0.0.1 unless configured otherwise).</param>
/// <param name="Ports">Container port → published host port.</param>
/// <param name="Secret">Per-run secret (password) the instance was started with; registered for redaction.</param>
/// <param name="StartedAt">When creation began.</param>
/// <param name="ReadyAt">When the readiness probe first succeeded.</param>
public sealed record ResourceInstance(
    ResourceDefinition Definition,
    string InstanceName,
    string? ContainerId,
    string Host,
    ImmutableDictionary<int, int> Ports,
    string Secret,
    DateTimeOffset StartedAt,
    DateTimeOffset ReadyAt)
{
    /// <summary>The host port of the first configured container port (<c>{port}</c>).</summary>
    public int? PrimaryPort => Definition.Ports.IsEmpty ? null : Ports.GetValueOrDefault(Definition.Ports[0]);
}
