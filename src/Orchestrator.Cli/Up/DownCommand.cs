using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Pipeline;
using Orchestrator.Pipeline.Up;
using Orchestrator.Security;

namespace Orchestrator.Cli.Up;

/// <summary><c>orchestrator down</c>: removes what <c>up</c> keeps: its containers with their namespaces, its state and the files it wrote.</summary>
internal static class DownCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("down", "Remove the resources 'up' keeps (their containers and namespaces), its state and the env and RunSettings files it wrote.")
        {
            config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var workspace = Workspace.For(ConfigurationSource.Load(parse.GetValue(config)));
            var removed = await UpPipeline.DownAsync(workspace, new SecretRedactor(), Console.Error.WriteLine, ct);
            var files = UpFiles.Of(workspace);
            Console.WriteLine($"Down: removed {(removed.Count == 1 ? "1 container" : $"{removed.Count} containers")}, {files.EnvFile}, {files.RunSettingsFile} and {files.StateFile}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
