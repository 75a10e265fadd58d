using System.Diagnostics;
using Orchestrator.Cli.Pipeline;
using Orchestrator.Configuration;
using Orchestrator.Docker;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Reporting;
using Orchestrator.Reporting.Ci;
using Orchestrator.Resources;
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
        var planned = await PlannedRun.CreateAsync(workspace, request.Cadence, request.Shard, ct, request.Timings);
        DiscoveryProblems.Render(planned.Inventory, planned.Warnings, AnsiConsole.Console);
        ResultsDirectory.Prepare(request.ResultsDirectory);

        var redactor = new SecretRedactor();
        var runId = DockerResourceProviderOptions.NewRunId();
        var needed = NeededResources(planned.Plan, configuration);
        if (UnsetEnvironmentVariables.In(needed, Environment.GetEnvironmentVariable) is { Count: > 0 } unset)
        {
            throw new UsageException(
                $"Environment variables the resources need are not set, so no container was started:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", unset) + Environment.NewLine +
                $"Set them before the run, or change the templates in {configuration.SourcePath}.");
        }
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
        var phases = new Dictionary<string, TimeSpan>(record.Phases)
        {
            ["discover"] = planned.DiscoverTime,
            ["plan"] = planned.PlanTime,
            ["prepare"] = prepareTime,
        };
        var selection = SelectionCheck.Of(planned.Plan);
        record = record with { Phases = phases, Problems = ProblemsOf(planned, selection), Shard = ShardOf(planned.Plan) };
        ResultsReport report;
        try
        {
            var published = await work.PublishAsync(record, request.ResultsDirectory, redactor, CancellationToken.None);
            // Merged even after Ctrl+C: partial results are kept and marked incomplete.
            report = await ResultsReporter.WriteReportAsync(
                published,
                ReportOptions.From(configuration, cadence, request.ResultsDirectory, workspace.TimingsPath, redactor),
                CancellationToken.None);
            record = published;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw await ResultsNotWrittenAsync(work, record, redactor, request.ResultsDirectory, exception);
        }
        work.Remove();
        var mergeTime = clock.Elapsed;

        if (request.Ci is { } ci)
        {
            Console.Out.Write(FailureAnnotations.Render(report.Tests, CiLogCommands.For(ci), workspace.Root));
        }
        return Finish(planned, record, report.Verdict, selection, request.ResultsDirectory, mergeTime);
    }

    /// <summary>The results could not be written (full disk, no permission): keep them where they are and say how to merge them.</summary>
    private static async Task<UsageException> ResultsNotWrittenAsync(RunWorkDirectory work, RunRecord record, SecretRedactor redactor, string resultsDirectory, Exception cause)
    {
        var reason = redactor.Redact(cause.Message);
        try
        {
            var kept = await work.KeepAsync(record, redactor, CancellationToken.None);
            return new UsageException(
                $"The tests ran, but their results could not be written into '{resultsDirectory}': {reason} " +
                $"The unit results are kept in '{kept}'. Free space or fix the permissions, then write the reports with " +
                $"'orchestrator merge \"{kept}\" --output \"{resultsDirectory}\"'.");
        }
        catch (Exception keeping) when (keeping is IOException or UnauthorizedAccessException)
        {
            return new UsageException(
                $"The tests ran, but their results could not be written into '{resultsDirectory}' ({reason}) nor kept in '{work.Path}' " +
                $"({redactor.Redact(keeping.Message)}): free space or fix the permissions and run again.");
        }
    }

    private static ShardRecord? ShardOf(TestPlan plan) =>
        plan.Split is { } split ? new ShardRecord(split.Shard.Index, split.Shard.Count, split.Fingerprint, split.Selection) : null;

    /// <summary>Discovery's problems and an empty selection, for every report: an error among them fails the run.</summary>
    private static List<RunProblem> ProblemsOf(PlannedRun planned, RunProblem? selection)
    {
        var problems = planned.Inventory.Problems.Select(RunProblem.From).ToList();
        problems.AddRange(planned.Warnings.Select(warning => new RunProblem(ProblemSeverity.Warning, "run", warning)));
        if (selection is not null)
        {
            problems.Add(selection);
        }
        return problems;
    }

    private static List<ResourceDefinition> NeededResources(TestPlan plan, OrchestratorConfiguration configuration) =>
        [.. plan.Partitions
            .SelectMany(partition => partition.Resources)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => configuration.Resources[name])];

    private static int Finish(PlannedRun planned, RunRecord record, RunVerdict verdict, RunProblem? selection, string resultsDirectory, TimeSpan mergeTime)
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
        // Errors again at the end, where CI logs are read, and what the selection said (an empty shard is a warning).
        foreach (var problem in record.Problems.Where(problem => problem.IsError || problem == selection))
        {
            output.WriteLine($"{(problem.IsError ? "error" : "warning")} {problem.Subject}: {problem.Message}");
        }
        if (verdict.Problems > 0)
        {
            output.WriteLine($"{verdict.Problems} problem(s) outside the tests (listed above and in summary.md): the run fails.");
        }
        output.WriteLine(verdict.SummaryLine);
        return verdict.ExitCode;
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.0}s";
}
