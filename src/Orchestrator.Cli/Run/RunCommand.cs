using System.CommandLine;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Pipeline;
using Orchestrator.Reporting.Ci;
using Orchestrator.Results;
using Orchestrator.Security;
using Spectre.Console;

namespace Orchestrator.Cli.Run;

/// <summary><c>orchestrator run --cadence pr [--shard i/n] [--results dir]</c>: the main job.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var cadence = CommonOptions.Cadence();
        var shard = CommonOptions.Shard();
        var timings = CommonOptions.Timings();
        var results = new Option<string?>("--results")
        {
            Description = $"Results directory (default: {Workspace.ResultsDirectoryName} beside the configuration file).",
        };
        var build = new Option<bool>("--build")
        {
            Description = "Build first, as 'orchestrator build' does (the configuration's build section).",
        };
        var coverage = new Option<bool>("--coverage")
        {
            Description = "Measure code coverage in every unit (coverlet.collector) even when the configuration's coverage section is off; merged into coverage.cobertura.xml.",
        };
        var reuse = new Option<bool>("--reuse")
        {
            Description = "Run on the containers 'orchestrator up' keeps instead of starting new ones, each run in namespaces of its own; a resource that is not up is started as usual.",
        };
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Run every selected test, even those whose inputs are unchanged since a recorded pass (the cadence's result cache is not read; this run's passes are not recorded).",
        };
        var slice = new SliceOptions();
        var command = new Command("run", "Discover, plan, provision and run a cadence's tests, or a slice of them (--filter, --project); merge the results per layer.")
        {
            config, cadence, shard, timings, results, build, coverage, reuse, noCache, slice.Filter, slice.Project, slice.Repeat, slice.UntilFail, slice.Mode,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (sliced, cadenceName, selection) = slice.Resolve(parse, cadence, Workspace.For(ConfigurationSource.Load(parse.GetValue(config))));
            var workspace = slice.WithRepeat(parse, sliced, cadenceName);
            var modes = slice.Modes(parse);
            if (parse.GetValue(build))
            {
                await RepositoryBuild.RunAsync(workspace, Console.Out, ct);
            }
            var request = new RunRequest(
                cadenceName,
                parse.GetValue(shard),
                workspace.Resolve(parse.GetValue(results) ?? Workspace.ResultsDirectoryName),
                parse.GetValue(timings) is { } explicitTimings ? Path.GetFullPath(explicitTimings) : null)
            {
                Coverage = parse.GetValue(coverage),
                Reuse = parse.GetValue(reuse),
                Modes = modes,
                UntilFail = parse.GetValue(slice.UntilFail),
            };
            var cache = new CacheUse(parse.GetValue(noCache), request.Coverage || workspace.Configuration.Coverage.Enabled, Repeats: modes.Count > 0);
            var planned = await PlannedRun.CreateAsync(workspace, request.Cadence, request.Shard, ct, request.Timings, selection, alongside: modes.Contains(RepetitionMode.Alongside), cache);
            DiscoveryProblems.Render(planned.Inventory, planned.Warnings, AnsiConsole.Console);
            var redactor = new SecretRedactor();
            RunResult result;
            await using (var progress = RunProgressRenderers.Create(redactor))
            {
                result = await RunPipeline.ExecuteAsync(workspace, planned, request, redactor, progress, Console.Error, ct);
            }
            if (CiServiceDetection.From(Environment.GetEnvironmentVariable) is { } ci)
            {
                await Console.Out.WriteAsync(FailureAnnotations.Render(result.Tests, CiLogCommands.For(ci), workspace.Root));
            }
            return RunEnding.Write(planned, result, request.ResultsDirectory, Console.Out);
        });
        return command;
    }
}
