using System.CommandLine;
using Orchestrator.Cli.Pipeline;

namespace Orchestrator.Cli.Run;

/// <summary><c>orchestrator run --cadence pr [--shard i/n] [--results dir]</c>: the main job.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var cadence = CommonOptions.Cadence();
        var shard = CommonOptions.Shard();
        var results = new Option<string?>("--results")
        {
            Description = $"Results directory (default: {Workspace.ResultsDirectoryName} beside the configuration file).",
        };
        var command = new Command("run", "Discover, plan, provision and run a cadence's tests; merge the results per layer.")
        {
            config, cadence, shard, results,
        };
        command.SetAction((parse, ct) => CommandErrors.GuardAsync(() =>
        {
            var workspace = Workspace.For(ConfigurationSource.Load(parse.GetValue(config)));
            var request = new RunRequest(
                parse.GetValue(cadence)!,
                parse.GetValue(shard),
                workspace.Resolve(parse.GetValue(results) ?? Workspace.ResultsDirectoryName));
            return RunPipeline.RunAsync(workspace, request, ct);
        }));
        return command;
    }
}
