using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Pipeline;
using Orchestrator.Pipeline.Up;
using Orchestrator.Security;
using Spectre.Console;

namespace Orchestrator.Cli.Up;

/// <summary>
/// <c>orchestrator up [--cadence pr | --filter … | --project …]</c>: starts the resources the selected tests need and keeps
/// them after it returns, with what tests need to reach them written for the IDE and plain <c>dotnet test</c>.
/// </summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var cadence = CommonOptions.Cadence();
        cadence.Description = "Cadence whose tests' resources to keep up (default: pr); --filter and --project select a slice instead.";
        cadence.DefaultValueFactory = _ => "pr";
        var slice = new SliceOptions();
        var command = new Command("up", "Start the resources a cadence's tests (or a slice's) need and keep them up for the IDE, plain dotnet test and 'run --reuse', until 'down'.")
        {
            config, cadence, slice.Filter, slice.Project,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (workspace, cadenceName, selection) = slice.Resolve(parse, cadence, Workspace.For(ConfigurationSource.Load(parse.GetValue(config))));
            var redactor = new SecretRedactor();
            var up = await UpPipeline.ExistingAsync(workspace, redactor, ct);
            if (up is null)
            {
                var planned = await PlannedRun.CreateAsync(workspace, cadenceName, shard: null, ct, selection: selection);
                DiscoveryProblems.Render(planned.Inventory, planned.Warnings, AnsiConsole.Console);
                up = await UpPipeline.UpAsync(workspace, planned, redactor, line => Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {line}"), ct);
            }
            UpView.Write(up, redactor, Console.Out);
            return ExitCodes.Success;
        });
        return command;
    }
}
