using Orchestrator.Docker.Readiness;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Kinds.Postgres;

/// <summary>PostgreSQL: the startup handshake as probe, a database per unit created over the wire protocol.</summary>
internal sealed class PostgresModule : IKindModule
{
    public static PostgresModule Instance { get; } = new();

    private PostgresModule()
    {
    }

    public string UserOf(TrackedInstance tracked) => tracked.Environment.GetValueOrDefault("POSTGRES_USER", "postgres");

    public IReadinessProbe? ProtocolProbe(ResourceInstance instance, Func<int> probePort) => new PostgresProbe(instance.Host, probePort());

    public string NamespaceName(TrackedInstance tracked, string namespaceId) => Isolation.NamespaceName.For(namespaceId);

    public Task CreateNamespaceAsync(NamespaceRequest request, CancellationToken ct) =>
        PostgresDatabases.CreateAsync(request.Tracked, request.Instance, request.User, request.Name, request.Redactor, ct);

    public Task ReleaseNamespaceAsync(NamespaceRequest request, CancellationToken ct) => Task.CompletedTask;
}
