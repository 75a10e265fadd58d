using System.Globalization;
using Orchestrator.Docker.Readiness;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Kinds.Redis;

/// <summary>
/// Redis: AUTH and PING as probe, a database index per running unit (indexes always exist: nothing to create), emptied
/// and handed back when the unit ends, so an instance serves any number of units one after another.
/// </summary>
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
        if (index <= LastDatabase)
        {
            return index.ToString(CultureInfo.InvariantCulture);
        }
        tracked.ReturnNamespaceNumber(index);
        throw new ResourceException(tracked.Definition.Name,
                $"Redis instance '{tracked.InstanceName}' has no database left for another unit ({LastDatabase} are in use). Set the resource's isolation mode to 'dedicated', or run fewer units per instance.",
                containerId: tracked.ContainerId);
    }

    public Task CreateNamespaceAsync(NamespaceRequest request, CancellationToken ct) => Task.CompletedTask;

    public async Task ReleaseNamespaceAsync(NamespaceRequest request, CancellationToken ct)
    {
        var index = int.Parse(request.Name, NumberStyles.None, CultureInfo.InvariantCulture);
        await RedisDatabases.FlushAsync(request, index, ct).ConfigureAwait(false);
        request.Tracked.ReturnNamespaceNumber(index);
    }
}
