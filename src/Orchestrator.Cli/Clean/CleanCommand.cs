using System.CommandLine;
using Orchestrator.Docker;
using Orchestrator.Resources;
using Orchestrator.Security;

namespace Orchestrator.Cli.Clean;

/// <summary>
/// <c>orchestrator clean</c>: removes the orchestrator's containers (label <c>orchestrator.tool=orchestrator</c>)
/// from the Docker engine: all of them, one run's (<c>--run-id</c>), or only orphans of dead runs (<c>--orphans</c>).
/// </summary>
internal static class CleanCommand
{
    public static Command Create()
    {
        var runId = new Option<string?>("--run-id") { Description = "Remove only the containers of this run (label orchestrator.run-id)." };
        var orphans = new Option<bool>("--orphans") { Description = "Remove only containers whose run is gone (owner process dead, or from another host and old)." };
        var command = new Command("clean", "Remove the containers the orchestrator started on the Docker engine (DOCKER_HOST or the local socket).")
        {
            runId,
            orphans,
        };
        command.SetAction(async (parseResult, ct) =>
        {
            var options = new DockerResourceProviderOptions { Redactor = new SecretRedactor(), Log = Console.WriteLine };
            await using var provider = new DockerResourceProvider(options);
            try
            {
                var removed = parseResult.GetValue(orphans)
                    ? await provider.SweepOrphansAsync(ct)
                    : await provider.CleanAllAsync(parseResult.GetValue(runId), ct);
                Console.WriteLine(removed.Count == 1 ? "Removed 1 container." : $"Removed {removed.Count} containers.");
                return 0;
            }
            catch (ResourceException exception)
            {
                await Console.Error.WriteLineAsync(exception.Message);
                return 1;
            }
        });
        return command;
    }
}
