using System.Globalization;
using Orchestrator.Docker.Readiness;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Kinds.Redis;

/// <summary>Redis: AUTH and PING as probe, a database index per unit (indexes always exist: nothing to create).</summary>
internal sealed class RedisModule : IKindModule
{
    // Indexes handed to units; 0 stays with whoever connects without choosing one.
    private const int LastDatabase = 63;

    public static RedisModule Instance { get; } = new();

    private RedisModule()
    {
    }

    public string UserOf(TrackedInstance tracked) => "default";

    public IReadinessProbe? ProtocolProbe(ResourceInstance instance, Func<int> probePort) => new RedisProbe(instance.Host, probePort(), instance.Secret);

    public string NamespaceName(TrackedInstance tracked, string namespaceId)
    {
        var index = tracked.NextNamespaceNumber();
        return index <= LastDatabase
            ? index.ToString(CultureInfo.InvariantCulture)
            : throw new ResourceException(tracked.Definition.Name,
                $"Redis instance '{tracked.InstanceName}' has no database left for another unit ({LastDatabase} are in use). Set the resource's isolation mode to 'dedicated', or run fewer units per instance.",
                containerId: tracked.ContainerId);
    }

    public Task CreateNamespaceAsync(NamespaceRequest request, CancellationToken ct) => Task.CompletedTask;
}
