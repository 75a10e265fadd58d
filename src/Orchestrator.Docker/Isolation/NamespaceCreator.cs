using Docker.DotNet;
using Orchestrator.Docker.Engine;
using Orchestrator.Docker.Kinds;
using Orchestrator.Resources;
using Orchestrator.Security;

namespace Orchestrator.Docker.Isolation;

/// <summary>
/// Creates a unit's own namespace in a shared instance the way its kind's module does (a Postgres database, a
/// Redis db index, a RabbitMQ vhost); a configured <c>isolation.setup</c> command runs in the container instead.
/// Releases it the same way when the unit has ended.
/// </summary>
internal sealed class NamespaceCreator(IDockerClient client, SecretRedactor redactor, string runId)
{
    public async Task<(string Namespace, string User)> CreateAsync(TrackedInstance tracked, ResourceInstance instance, string namespaceId, CancellationToken ct)
    {
        var definition = tracked.Definition;
        var kind = KindModules.For(definition.Kind);
        var user = kind.UserOf(tracked);
        if (!definition.Isolation.Setup.IsEmpty)
        {
            var name = NamespaceName.For(namespaceId);
            var values = new TemplateValues(instance.Host, instance.PrimaryPort, instance.Ports, tracked.Secret, user, name, runId);
            await RunAsync(tracked, [.. definition.Isolation.Setup.Select(part => VariableTemplate.Render(part, values))], ct);
            return (name, user);
        }
        var request = new NamespaceRequest(tracked, instance, user, kind.NamespaceName(tracked, namespaceId), redactor, (command, token) => RunAsync(tracked, command, token));
        await kind.CreateNamespaceAsync(request, ct);
        return (request.Name, user);
    }

    /// <summary>Empties and gives back a unit's namespace the way its kind's module does; a configured <c>isolation.setup</c> namespace is left to the instance's removal.</summary>
    public Task ReleaseAsync(TrackedInstance tracked, ResourceInstance instance, string name, CancellationToken ct)
    {
        var definition = tracked.Definition;
        if (!definition.Isolation.Setup.IsEmpty)
        {
            return Task.CompletedTask;
        }
        var kind = KindModules.For(definition.Kind);
        var request = new NamespaceRequest(tracked, instance, kind.UserOf(tracked), name, redactor, (command, token) => RunAsync(tracked, command, token));
        return kind.ReleaseNamespaceAsync(request, ct);
    }

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
