using Docker.DotNet;
using Orchestrator.Docker.Engine;

namespace Orchestrator.Docker.Readiness;

/// <summary>Runs a command inside the container; ready when it exits with 0.</summary>
internal sealed class ExecProbe(IDockerClient client, string containerId, IReadOnlyList<string> command) : IReadinessProbe
{
    public string Description => $"command '{string.Join(' ', command)}' inside the container";

    public async Task<ProbeOutcome> TryAsync(CancellationToken ct)
    {
        ExecResult result;
        try
        {
            result = await ContainerCommands.ExecAsync(client, containerId, command, ct);
        }
        catch (DockerApiException exception)
        {
            // The container may be restarting or exiting; its exit is reported by the waiter.
            return ProbeOutcome.NotYet(exception.Message);
        }
        return result.ExitCode == 0
            ? ProbeOutcome.Success
            : ProbeOutcome.NotYet($"exited with {result.ExitCode}: {result.Output.Trim()}");
    }
}
