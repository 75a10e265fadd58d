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
        var noCache = new Option<bool>("--no-cache") { Description = "Plan every selected test, as 'run --no-cache' would, even those whose passes the result cache would reuse." };
        var explain = new Option<bool>("--explain") { Description = "Say, for each test assembly and resource set, which tests the result cache reuses and which input changed for the others." };
        var slice = new SliceOptions();
        var command = new Command("plan", "Show the partitions, units, exclusions and predicted duration of a cadence or a slice (--filter, --project).")
        {
            config, cadence, shard, timings, json, noCache, explain, slice.Filter, slice.Project,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (workspace, cadenceName, selection) = slice.Resolve(parse, cadence, Workspace.For(ConfigurationSource.Load(parse.GetValue(config))));
            var cache = new CacheUse(parse.GetValue(noCache), workspace.Configuration.Coverage.Enabled, Repeats: false);
            var planned = await PlannedRun.CreateAsync(workspace, cadenceName, parse.GetValue(shard), ct, parse.GetValue(timings) is { } explicitTimings ? Path.GetFullPath(explicitTimings) : null, selection, cache: cache);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(PlanView.ToJson(planned.Plan, workspace.Configuration, planned.CacheSummary, planned.CacheOff));
            }
            else
            {
                DiscoveryProblems.Render(planned.Inventory, planned.Warnings, AnsiConsole.Console);
                PlanView.Render(planned.Plan, workspace.Configuration, AnsiConsole.Console);
                CacheView.Render(planned, parse.GetValue(explain), AnsiConsole.Console);
            }
            return planned.Inventory.IsIncomplete ? ExitCodes.TestsFailed : ExitCodes.Success;
        });
        return command;
    }
}
