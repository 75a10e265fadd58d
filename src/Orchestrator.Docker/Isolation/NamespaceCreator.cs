using System.Globalization;
using Docker.DotNet;
using Orchestrator.Configuration;
using Orchestrator.Docker.Engine;
using Orchestrator.Resources;
using Orchestrator.Security;

namespace Orchestrator.Docker.Isolation;

/// <summary>
/// Creates a unit's own namespace in a shared instance: a Postgres database over the wire protocol, a Redis db
/// index (nothing to create), a RabbitMQ vhost; a configured <c>isolation.setup</c> command runs in the container.
/// </summary>
internal sealed class NamespaceCreator(IDockerClient client, SecretRedactor redactor, string runId)
{
    public const string RabbitMqDefaultUser = "orchestrator";

    public async Task<(string Namespace, string User)> CreateAsync(TrackedInstance tracked, ResourceInstance instance, string namespaceId, CancellationToken ct)
    {
        var definition = tracked.Definition;
        var user = UserOf(tracked);
        var name = definition.Kind switch
        {
            ResourceKind.Redis => tracked.NextRedisDatabase().ToString(CultureInfo.InvariantCulture),
            ResourceKind.Postgres or ResourceKind.RabbitMq => NamespaceName.For(namespaceId),
            _ when !definition.Isolation.Setup.IsEmpty => NamespaceName.For(namespaceId),
            _ => namespaceId,
        };
        if (!definition.Isolation.Setup.IsEmpty)
        {
            var values = new TemplateValues(instance.Host, instance.PrimaryPort, instance.Ports, tracked.Secret, user, name, runId);
            await RunAsync(tracked, [.. definition.Isolation.Setup.Select(part => VariableTemplate.Render(part, values))], ct);
            return (name, user);
        }
        switch (definition.Kind)
        {
            case ResourceKind.Postgres:
                await PostgresDatabases.CreateAsync(tracked, instance, user, name, redactor, ct);
                break;
            case ResourceKind.RabbitMq when instance.Ports.TryGetValue(RabbitMqVirtualHosts.ManagementPort, out var managementPort):
                await RabbitMqVirtualHosts.CreateAsync(tracked, instance, managementPort, user, name, redactor, ct);
                break;
            case ResourceKind.RabbitMq:
                await RunAsync(tracked, ["rabbitmqctl", "-q", "add_vhost", name], ct);
                await RunAsync(tracked, ["rabbitmqctl", "-q", "set_permissions", "-p", name, user, ".*", ".*", ".*"], ct);
                break;
        }
        return (name, user);
    }

    /// <summary>The user tests connect as (<c>{user}</c>).</summary>
    public static string UserOf(TrackedInstance tracked) => tracked.Definition.Kind switch
    {
        ResourceKind.Postgres => tracked.Environment.GetValueOrDefault("POSTGRES_USER", "postgres"),
        ResourceKind.RabbitMq => tracked.Environment.GetValueOrDefault("RABBITMQ_DEFAULT_USER", RabbitMqDefaultUser),
        ResourceKind.Redis => "default",
        _ => string.Empty,
    };

    private async Task RunAsync(TrackedInstance tracked, IReadOnlyList<string> command, CancellationToken ct)
    {
        var containerId = tracked.ContainerId ?? throw new ResourceException(tracked.Definition.Name,
            $"Resource '{tracked.Definition.Name}' is not a container, so its isolation setup command cannot run. Remove 'isolation.setup' for an external resource.");
        ExecResult result;
        try
        {
            result = await ContainerCommands.ExecAsync(client, containerId, command, ct);
        }
        catch (DockerApiException exception)
        {
            throw new ResourceException(tracked.Definition.Name, redactor.Redact(
                $"Creating a namespace in '{tracked.InstanceName}' failed: '{string.Join(' ', command)}' could not run: {exception.Message}"), exception, containerId);
        }
        if (result.ExitCode != 0)
        {
            throw new ResourceException(tracked.Definition.Name, redactor.Redact(
                $"Creating a namespace in '{tracked.InstanceName}' (container {containerId[..12]}) failed: '{string.Join(' ', command)}' exited with {result.ExitCode}: {result.Output.Trim()}. Check the resource's 'isolation.setup' command, or that the image has the kind's tools (psql, rabbitmqctl)."),
                containerId: containerId);
        }
    }
}
