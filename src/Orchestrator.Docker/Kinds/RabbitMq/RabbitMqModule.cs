using Orchestrator.Docker.Readiness;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Kinds.RabbitMq;

/// <summary>
/// RabbitMQ: the AMQP 0-9-1 handshake as probe, a virtual host per unit, created through the management API
/// when its port is published and with <c>rabbitmqctl</c> in the container otherwise.
/// </summary>
internal sealed class RabbitMqModule : IKindModule
{
    public const string DefaultUser = "orchestrator";

    public static RabbitMqModule Instance { get; } = new();

    private RabbitMqModule()
    {
    }

    public string UserOf(TrackedInstance tracked) => tracked.Environment.GetValueOrDefault("RABBITMQ_DEFAULT_USER", DefaultUser);

    public IReadinessProbe? ProtocolProbe(ResourceInstance instance, Func<int> probePort) => new AmqpProbe(instance.Host, probePort());

    public string NamespaceName(TrackedInstance tracked, string namespaceId) => Isolation.NamespaceName.For(namespaceId);

    public async Task CreateNamespaceAsync(NamespaceRequest request, CancellationToken ct)
    {
        if (request.Instance.Ports.TryGetValue(RabbitMqVirtualHosts.ManagementPort, out var managementPort))
        {
            await RabbitMqVirtualHosts.CreateAsync(request.Tracked, request.Instance, managementPort, request.User, request.Name, request.Redactor, ct);
            return;
        }
        await request.ExecAsync(["rabbitmqctl", "-q", "add_vhost", request.Name], ct);
        await request.ExecAsync(["rabbitmqctl", "-q", "set_permissions", "-p", request.Name, request.User, ".*", ".*", ".*"], ct);
    }

    public Task ReleaseNamespaceAsync(NamespaceRequest request, CancellationToken ct) => Task.CompletedTask;
}
