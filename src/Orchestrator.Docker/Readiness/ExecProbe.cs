using Docker.DotNet;
using Orchestrator.Docker.Engine;

namespace Orchestrator.Docker.Readiness;

/// <summary>Runs a command inside the container; ready when it exits with 0.</summary>
internal sealed class ExecProbe(IDockerClient client, string containerId, IReadOnlyList<string> command) : IReadinessProbe
{
    public string Description => $"command '{string.Join(' ', command)}' inside the container";

    public async Task<ProbeOutcome> TryAsync(CancellationToken ct)
    {
        var result = await ContainerCommands.ExecAsync(client, containerId, command, ct);
        return result.ExitCode == 0
            ? ProbeOutcome.Success
            : ProbeOutcome.NotYet($"exited with {result.ExitCode}: {result.Output.Trim()}");
    }
}
