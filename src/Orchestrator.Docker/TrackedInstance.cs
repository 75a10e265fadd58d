using System.Collections.Immutable;
using Orchestrator.Configuration;

namespace Orchestrator.Docker;

/// <summary>What the provider remembers about an instance it started, until it is removed.</summary>
internal sealed class TrackedInstance(ResourceDefinition definition, string instanceName, string containerName, string secret, ImmutableDictionary<string, string> environment)
{
    private int _lastNamespaceNumber;

    public ResourceDefinition Definition { get; } = definition;

    public string InstanceName { get; } = instanceName;

    public string ContainerName { get; } = containerName;

    public string Secret { get; } = secret;

    /// <summary>The container environment, templates rendered.</summary>
    public ImmutableDictionary<string, string> Environment { get; } = environment;

    public string? ContainerId { get; set; }

    /// <summary>
    /// Cancelled when the instance is removed (stops watching for the container's exit). Never disposed:
    /// removal paths may race, and a source without timers holds nothing to release.
    /// </summary>
    public CancellationTokenSource Lifetime { get; } = new();

    /// <summary>Numbers the instance's namespaces 1, 2, 3…, for kinds whose namespaces are numbered (Redis databases).</summary>
    public int NextNamespaceNumber() => Interlocked.Increment(ref _lastNamespaceNumber);
}
