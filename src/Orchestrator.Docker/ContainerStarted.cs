using System.Collections.Immutable;

namespace Orchestrator.Docker;

/// <summary>A container that runs and is about to be probed for readiness.</summary>
/// <param name="InstanceName">The instance being started.</param>
/// <param name="ContainerId">Engine container id.</param>
/// <param name="Ports">Container port → host port published on 127.0.0.1.</param>
/// <param name="Secret">The instance's per-run secret.</param>
/// <param name="CreatedAt">When creation began.</param>
public sealed record ContainerStarted(
    string InstanceName,
    string ContainerId,
    ImmutableDictionary<int, int> Ports,
    string Secret,
    DateTimeOffset CreatedAt);
