using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Pipeline;
using Spectre.Console;

namespace Orchestrator.Cli.Plan;

/// <summary><c>orchestrator plan --cadence pr [--shard i/n] [--json]</c>: what a run would do, without running it.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var cadence = CommonOptions.Cadence();
        var shard = CommonOptions.Shard();
        var timings = CommonOptions.Timings();
        var json = CommonOptions.Json();
        var command = new Command("plan", "Show the partitions, units, exclusions and predicted duration of a cadence.")
        {
            config, cadence, shard, timings, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var workspace = Workspace.For(ConfigurationSource.Load(parse.GetValue(config)));
            var planned = await PlannedRun.CreateAsync(workspace, parse.GetValue(cadence)!, parse.GetValue(shard), ct, parse.GetValue(timings) is { } explicitTimings ? Path.GetFullPath(explicitTimings) : null);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(PlanView.ToJson(planned.Plan, workspace.Configuration));
            }
            else
            {
                DiscoveryProblems.Render(planned.Inventory, planned.Warnings, AnsiConsole.Console);
                PlanView.Render(planned.Plan, workspace.Configuration, AnsiConsole.Console);
            }
            return planned.Inventory.IsIncomplete ? ExitCodes.TestsFailed : ExitCodes.Success;
        });
        return command;
    }
}
