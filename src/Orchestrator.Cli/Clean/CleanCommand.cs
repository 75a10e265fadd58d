using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Docker;
using Orchestrator.Docker.Engine;
using Orchestrator.Security;

namespace Orchestrator.Cli.Clean;

/// <summary>
/// <c>orchestrator clean</c>: removes the orchestrator's containers (label <c>orchestrator.tool=orchestrator</c>)
/// from the Docker engine: by default only orphans of dead runs, since other runs may be using the engine right now;
/// one run's with <c>--run-id</c>; every one, live runs' included, only with <c>--all</c>.
/// </summary>
internal static class CleanCommand
{
    /// <param name="environment">Reads DOCKER_HOST and the docker context's variables; null: the process environment.</param>
    public static Command Create(Func<string, string?>? environment = null)
    {
        var runId = new Option<string?>("--run-id") { Description = "Remove only the containers of this run (label orchestrator.run-id)." };
        var orphans = new Option<bool>("--orphans") { Description = "Remove only containers whose run is gone (owner process dead, or from another host and old). The default." };
        var all = new Option<bool>("--all") { Description = "Remove every orchestrator container on the engine, those of runs still in progress included." };
        var command = new Command("clean", "Remove the containers of finished or dead orchestrator runs from the Docker engine (DOCKER_HOST or the local socket).")
        {
            runId,
            orphans,
            all,
        };
        command.SetAction(async (parseResult, ct) =>
        {
            var options = new DockerResourceProviderOptions
            {
                Redactor = new SecretRedactor(),
                Endpoint = DockerEndpoint.FromEnvironment(environment),
                Log = Console.WriteLine,
            };
            await using var provider = new DockerResourceProvider(options);
            var run = parseResult.GetValue(runId);
            var removed = run is not null || parseResult.GetValue(all)
                ? await provider.CleanAllAsync(run, ct)
                : await provider.SweepOrphansAsync(ct);
            Console.WriteLine(removed.Count == 1 ? "Removed 1 container." : $"Removed {removed.Count} containers.");
            return ExitCodes.Success;
        });
        return command;
    }
}
