using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Pipeline;

namespace Orchestrator.Cli.Build;

/// <summary>
/// <c>orchestrator build [--config path]</c>: one <c>dotnet build</c> of the configured solution with its
/// properties, every test project writing its manifest through targets injected from the tool.
/// </summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command(
            "build",
            "Build the solution once (the configuration's build section) so that every test project writes its manifest; no project file is edited.")
        {
            config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var workspace = Workspace.For(ConfigurationSource.Load(parse.GetValue(config)));
            await RepositoryBuild.RunAsync(workspace, Console.Out, ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
