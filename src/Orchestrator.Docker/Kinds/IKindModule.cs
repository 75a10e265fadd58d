using Orchestrator.Docker.Readiness;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Kinds;

/// <summary>
/// What the orchestrator knows about one kind of service (<c>"kind"</c> in a resource definition): the user
/// tests connect as, its protocol-level readiness probe, and how a unit gets a namespace of its own. Each kind
/// is one folder beside this file holding its module and what only it uses; adding a kind touches that folder,
/// <see cref="KindModules"/>, and the kind's descriptor in the core (its defaults and <c>init</c> evidence).
/// </summary>
internal interface IKindModule
{
    /// <summary>The user tests connect as (<c>{user}</c>).</summary>
    string UserOf(TrackedInstance tracked);

    /// <summary>The kind's own protocol probe, or null to let the generic choice apply (TCP on the first port, or running).</summary>
    /// <param name="instance">The started instance.</param>
    /// <param name="probePort">The host port to probe; throws naming the fix when the resource publishes none.</param>
    IReadinessProbe? ProtocolProbe(ResourceInstance instance, Func<int> probePort);

    /// <summary>The name of a unit's namespace: a database, a Redis db index, a vhost.</summary>
    string NamespaceName(TrackedInstance tracked, string namespaceId);

    /// <summary>Creates the namespace in the instance; nothing for kinds whose namespaces always exist.</summary>
    Task CreateNamespaceAsync(NamespaceRequest request, CancellationToken ct);

    /// <summary>
    /// The unit that used the namespace has ended: empty it and give it back when the kind has a limited number of
    /// namespaces (Redis databases); nothing for kinds whose namespaces are distinct names that the instance's removal ends.
    /// </summary>
    Task ReleaseNamespaceAsync(NamespaceRequest request, CancellationToken ct);
}
