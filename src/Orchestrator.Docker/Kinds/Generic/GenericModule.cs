using Orchestrator.Docker.Readiness;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Kinds.Generic;

/// <summary>
/// A service the orchestrator knows nothing about: no user, the generic probe, and a namespace that is just a
/// name handed to the tests (its <c>isolation.setup</c> command, when configured, creates it).
/// </summary>
internal sealed class GenericModule : IKindModule
{
    public static GenericModule Instance { get; } = new();

    private GenericModule()
    {
    }

    public string UserOf(TrackedInstance tracked) => string.Empty;

    public IReadinessProbe? ProtocolProbe(ResourceInstance instance, Func<int> probePort) => null;

    public string NamespaceName(TrackedInstance tracked, string namespaceId) => namespaceId;

    public Task CreateNamespaceAsync(NamespaceRequest request, CancellationToken ct) => Task.CompletedTask;

    public Task ReleaseNamespaceAsync(NamespaceRequest request, CancellationToken ct) => Task.CompletedTask;
}
