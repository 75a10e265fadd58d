using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Resources;

namespace Orchestrator.Docker;

/// <summary>What the provider remembers about an instance it started, until it is removed.</summary>
internal sealed class TrackedInstance(ResourceDefinition definition, string instanceName, string containerName, string secret, ImmutableDictionary<string, string> environment)
{
    // Redis databases handed to partitions; 0 stays with whoever connects without choosing one.
    private const int LastRedisDatabase = 63;

    private int _lastRedisDatabase;

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

    /// <summary>Allocates the next Redis database index (1..63) for a partition.</summary>
    public int NextRedisDatabase()
    {
        var index = Interlocked.Increment(ref _lastRedisDatabase);
        return index <= LastRedisDatabase
            ? index
            : throw new ResourceException(Definition.Name,
                $"Redis instance '{InstanceName}' has no database left for another partition ({LastRedisDatabase} are in use). Set the resource's isolation mode to 'dedicated', or run fewer partitions per instance.",
                containerId: ContainerId);
    }
}
