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
        var slice = new SliceOptions();
        var command = new Command("plan", "Show the partitions, units, exclusions and predicted duration of a cadence or a slice (--filter, --project).")
        {
            config, cadence, shard, timings, json, slice.Filter, slice.Project,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (workspace, cadenceName, selection) = slice.Resolve(parse, cadence, Workspace.For(ConfigurationSource.Load(parse.GetValue(config))));
            var planned = await PlannedRun.CreateAsync(workspace, cadenceName, parse.GetValue(shard), ct, parse.GetValue(timings) is { } explicitTimings ? Path.GetFullPath(explicitTimings) : null, selection);
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
