using System.Diagnostics;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Configuration;
using Orchestrator.Docker;
using Orchestrator.Execution;
using Orchestrator.Planning;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Security;
using Spectre.Console;

namespace Orchestrator.Cli.Run;

/// <summary>
/// discover → plan → provision → execute → merge. Containers are removed whatever happens
/// (the provider is disposed on every path); a cancelled run still merges what it has.
/// </summary>
internal static class RunPipeline
{
    public static async Task<int> RunAsync(Workspace workspace, RunRequest request, CancellationToken ct)
    {
        var configuration = workspace.Configuration;
        var cadence = configuration.Cadences.GetValueOrDefault(request.Cadence);
        var planned = await PlannedRun.CreateAsync(workspace, request.Cadence, request.Shard, ct);
        DiscoveryProblems.Render(planned.Inventory, planned.Warnings, AnsiConsole.Console);
        ResultsDirectory.Prepare(request.ResultsDirectory);

        var redactor = new SecretRedactor();
        var runId = DockerResourceProviderOptions.NewRunId();
        var needed = NeededResources(planned.Plan, configuration);
        await using var resources = needed.Count == 0
            ? null
            : new DockerResourceProvider(new DockerResourceProviderOptions
            {
                Redactor = redactor,
                RunId = runId,
                Timeouts = configuration.Timeouts,
                BaseDirectory = workspace.Root,
                Log = line => Console.Error.WriteLine(line),
            });

        var clock = Stopwatch.StartNew();
        if (resources is not null)
        {
            await resources.PrepareAsync(needed, ct);
        }
        var prepareTime = clock.Elapsed;

        var work = RunWorkDirectory.Create(workspace.StateDirectory, runId);
        var options = new RunOptions(runId, work.Path)
        {
            Parallelism = configuration.Parallelism,
            Timeouts = configuration.Timeouts,
            Retries = cadence!.Retries,
            Repeat = cadence.Repeat,
            Resources = configuration.Resources,
            TestEnvironment = configuration.TestEnvironment,
            LoggerDirectory = Workspace.LoggerDirectory,
            Redactor = redactor,
        };
        RunRecord record;
        await using (var progress = RunProgressRenderers.Create(redactor))
        {
            record = await TestRunner.RunAsync(planned.Plan, options, resources, progress, ct);
        }

        clock.Restart();
        record = await work.PublishAsync(record, request.ResultsDirectory, redactor, CancellationToken.None);
        var phases = new Dictionary<string, TimeSpan>(record.Phases)
        {
            ["discover"] = planned.DiscoverTime,
            ["plan"] = planned.PlanTime,
            ["prepare"] = prepareTime,
        };
        record = record with { Phases = phases };
        // Merged even after Ctrl+C: partial results are kept and marked incomplete.
        var verdict = await ResultsReporter.WriteAsync(
            record,
            ReportOptions.From(configuration, cadence, request.ResultsDirectory, workspace.TimingsPath, redactor),
            CancellationToken.None);
        var mergeTime = clock.Elapsed;

        return Finish(planned, record, verdict, request.ResultsDirectory, mergeTime);
    }

    private static List<ResourceDefinition> NeededResources(TestPlan plan, OrchestratorConfiguration configuration) =>
        [.. plan.Partitions
            .SelectMany(partition => partition.Resources)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => configuration.Resources[name])];

    private static int Finish(PlannedRun planned, RunRecord record, RunVerdict verdict, string resultsDirectory, TimeSpan mergeTime)
    {
        var output = Console.Out;
        output.WriteLine($"Results: {resultsDirectory} (summary.md, report.html, <layer>.trx, <layer>.junit.xml)");
        output.WriteLine(
            $"Phases: discover {Seconds(planned.DiscoverTime)}, plan {Seconds(planned.PlanTime)}, " +
            $"prepare {Seconds(record.Phases["prepare"])}, execute {Seconds(record.Phases.GetValueOrDefault("execute"))}, merge {Seconds(mergeTime)}");
        if (verdict.Flaky > 0)
        {
            output.WriteLine($"{verdict.Flaky} flaky test(s): they failed, then passed on a re-run (see summary.md).");
        }
        if (verdict.NotRun > 0)
        {
            output.WriteLine($"{verdict.NotRun} selected test(s) produced no result; they count as failed (causes in summary.md).");
        }
        if (record.Incomplete)
        {
            output.WriteLine("The run was stopped before every unit ran: the results are partial and the run fails.");
        }
        if (planned.Inventory.IsIncomplete)
        {
            output.WriteLine("Discovery failed for at least one test assembly (see the errors above): the run fails.");
        }
        output.WriteLine(verdict.SummaryLine);
        return planned.Inventory.IsIncomplete ? ExitCodes.TestsFailed : verdict.ExitCode;
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.0}s";
}
