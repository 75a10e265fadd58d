using Orchestrator.Docker.Readiness;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Kinds.MySql;

/// <summary>MySQL and MariaDB: the server's handshake as probe, a database per unit created over the client protocol as root.</summary>
internal sealed class MySqlModule : IKindModule
{
    public static MySqlModule Instance { get; } = new();

    private MySqlModule()
    {
    }

    /// <summary>
    /// Root, the one account allowed to create databases: the images' <c>MYSQL_USER</c> is granted only its own
    /// <c>MYSQL_DATABASE</c>.
    /// </summary>
    public string UserOf(TrackedInstance tracked) => "root";

    public IReadinessProbe? ProtocolProbe(ResourceInstance instance, Func<int> probePort) => new MySqlProbe(instance.Host, probePort());

    public string NamespaceName(TrackedInstance tracked, string namespaceId) => Isolation.NamespaceName.For(namespaceId);

    public Task CreateNamespaceAsync(NamespaceRequest request, CancellationToken ct) => MySqlDatabases.CreateAsync(request, ct);

    public Task ReleaseNamespaceAsync(NamespaceRequest request, CancellationToken ct) => Task.CompletedTask;
}
