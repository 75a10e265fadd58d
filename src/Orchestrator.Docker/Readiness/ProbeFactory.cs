using Docker.DotNet;
using Orchestrator.Configuration;
using Orchestrator.Docker.Kinds;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Readiness;

/// <summary>Chooses the probe for a resource: the configured one, else its kind's protocol probe, else TCP or running.</summary>
internal static class ProbeFactory
{
    private static readonly TimeSpan _tcpWindow = TimeSpan.FromMilliseconds(200);

    public static IReadinessProbe Create(ResourceInstance instance, IDockerClient client)
    {
        var definition = instance.Definition;
        var settings = definition.Readiness;
        switch (settings.Kind)
        {
            case ProbeKind.None:
                return ReadyWhenRunningProbe.Instance;
            case ProbeKind.Exec:
                return settings.Command.IsEmpty
                    ? throw Misconfigured(definition, "an Exec probe needs a command")
                    : new ExecProbe(client, RequireContainer(instance), settings.Command);
            case ProbeKind.LogLine:
                return string.IsNullOrEmpty(settings.LogPattern)
                    ? throw Misconfigured(definition, "a LogLine probe needs a logPattern")
                    : new LogLineProbe(client, RequireContainer(instance), settings.LogPattern);
            case ProbeKind.Http:
                return new HttpProbe(instance.Host, ProbePort(instance), settings.HttpPath ?? "/");
            case ProbeKind.Tcp:
                return new TcpProbe(instance.Host, ProbePort(instance), Min(_tcpWindow, settings.AttemptTimeout / 2));
        }
        return KindModules.For(definition.Kind).ProtocolProbe(instance, () => ProbePort(instance))
            ?? (instance.ContainerId is not null && !definition.Ports.IsEmpty
                ? new TcpProbe(instance.Host, ProbePort(instance), _tcpWindow)
                : ReadyWhenRunningProbe.Instance);
    }

    private static int ProbePort(ResourceInstance instance)
    {
        var definition = instance.Definition;
        var containerPort = definition.Readiness.Port ?? (definition.Ports.IsEmpty
            ? throw Misconfigured(definition, $"a {definition.Readiness.Kind} probe for a {definition.Kind} resource needs a port: add one to 'ports'")
            : definition.Ports[0]);
        return instance.Ports.TryGetValue(containerPort, out var hostPort)
            ? hostPort
            : throw Misconfigured(definition, $"the probe's port {containerPort} is not in the resource's ports");
    }

    private static string RequireContainer(ResourceInstance instance) =>
        instance.ContainerId ?? throw Misconfigured(instance.Definition, "Exec and LogLine probes need a container; an external resource can use Tcp or Http");

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static ResourceException Misconfigured(ResourceDefinition definition, string problem) =>
        new(definition.Name, $"Resource '{definition.Name}': {problem}. Fix its 'readiness' settings in the configuration.");
}
