using System.Text.RegularExpressions;
using Docker.DotNet;
using Orchestrator.Docker.Engine;

namespace Orchestrator.Docker.Readiness;

/// <summary>Ready when a line of the container's log matches a pattern.</summary>
internal sealed class LogLineProbe(IDockerClient client, string containerId, string pattern) : IReadinessProbe
{
    private readonly Regex _pattern = new(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public string Description => $"log line matching /{pattern}/";

    public async Task<ProbeOutcome> TryAsync(CancellationToken ct)
    {
        string logs;
        try
        {
            logs = await ContainerCommands.LogsAsync(client, containerId, lines: null, ct);
        }
        catch (DockerApiException exception)
        {
            return ProbeOutcome.NotYet(exception.Message);
        }
        return _pattern.IsMatch(logs) ? ProbeOutcome.Success : ProbeOutcome.NotYet("no log line matches yet");
    }
}
