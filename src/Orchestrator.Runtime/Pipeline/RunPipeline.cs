using System.Diagnostics;
using Orchestrator.Caching;
using Orchestrator.Docker;
using Orchestrator.Execution;
using Orchestrator.History;
using Orchestrator.Model;
using Orchestrator.Pipeline.Up;
using Orchestrator.Planning;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Runtime.Caching;
using Orchestrator.Security;

namespace Orchestrator.Pipeline;

/// <summary>
/// The run as a library call: discover and plan (<see cref="PlannedRun.CreateAsync"/>), then provision →
/// execute → merge here. Containers are removed whatever happens (the provider is disposed on every path);
/// a cancelled run still merges what it has. The caller renders: progress through <c>progress</c>, the
/// outcome from the returned <see cref="RunResult"/>.
/// </summary>
public static class RunPipeline
{
    /// <param name="workspace">The repository and its configuration.</param>
    /// <param name="planned">What discovery and planning produced for <paramref name="request"/>.</param>
    /// <param name="request">Cadence, shard, results directory.</param>
    /// <param name="redactor">Receives every per-run secret; the progress sink masks through the same one.</param>
    /// <param name="progress">Receives the run's events as they happen.</param>
    /// <param name="log">Resource messages (image builds, orphan sweeps).</param>
    /// <param name="ct">Ctrl+C / SIGTERM: running units are stopped, the rest recorded as cancelled, and what ran is merged.</param>
    /// <exception cref="UsageException">
    /// The request cannot run as given (a results directory that is not a run's or that another live run holds, unset
    /// variables); nothing was started.
    /// </exception>
    public static async Task<RunResult> ExecuteAsync(
        Workspace workspace,
        PlannedRun planned,
        RunRequest request,
        SecretRedactor redactor,
        IRunProgress progress,
        TextWriter log,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(request);
        var configuration = workspace.Configuration;
        var cadence = configuration.Cadences[request.Cadence];
        var runId = RunIds.New(DateTimeOffset.UtcNow);
        using var resultsLock = ResultsDirectory.Prepare(request.ResultsDirectory, runId);

        var settingsProblems = new List<RunProblem>();
        if (resultsLock.TakenOver is { } takenOver)
        {
            settingsProblems.Add(new RunProblem(ProblemSeverity.Warning, request.ResultsDirectory, takenOver));
        }
        var testSettings = TestSettingsSource.Load(workspace, planned.Plan, request.Coverage, settingsProblems);
        var needed = PlanResources.Needed(planned.Plan, configuration);
        PlanResources.ThrowOnUnsetVariables(needed, configuration);
        var kept = request.Reuse ? UpPipeline.Reusable(workspace, needed, redactor, log.WriteLine) : null;
        await using var resources = needed.Count == 0
            ? null
            : new DockerResourceProvider(new DockerResourceProviderOptions
            {
                Redactor = redactor,
                RunId = runId,
                Timeouts = configuration.Timeouts,
                BaseDirectory = workspace.Root,
                Log = log.WriteLine,
                Kept = kept ?? new Dictionary<string, KeptContainer>(),
                NamespaceCounterDirectory = kept is { Count: > 0 } ? UpFiles.Of(workspace).NamespaceCounters : null,
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
            Retries = cadence.Retries,
            Repeat = cadence.Repeat,
            Modes = request.Modes,
            UntilFail = request.UntilFail,
            Resources = configuration.Resources,
            TestEnvironment = configuration.TestEnvironment,
            LoggerDirectory = Workspace.LoggerDirectory,
            Redactor = redactor,
            TestSettings = testSettings,
            SharedVsTestConsole = configuration.Execution.SharedVsTestConsole,
        };
        settingsProblems.AddRange(TestSettingsSource.Overrides(planned.Plan, options));
        Warn(log, settingsProblems);
        if (planned.Cache is { Reused.Count: > 0 } reusing)
        {
            log.WriteLine($"cache  {reusing.Reused.Count} test(s) passed before with unchanged inputs and are not run again ({reusing.Directory}); 'run --no-cache' runs them.");
        }
        var record = await TestRunner.RunAsync(planned.Plan, options, resources, progress, ct);
        Warn(log, record.Problems);
        if (planned.Cache is { } cache)
        {
            record = record with { Units = [.. record.Units, .. CachedUnits.Of(cache, planned.Inventory.Tests, record.StartedAt)] };
        }

        clock.Restart();
        var phases = record.Phases with { Discover = planned.DiscoverTime, Plan = planned.PlanTime, Prepare = prepareTime };
        var selection = SelectionCheck.Of(planned.Plan, planned.Inventory.Problems.Select(RunProblem.From).Count(problem => problem.Severity == ProblemSeverity.Error));
        record = record with { Phases = phases, Problems = [.. ProblemsOf(planned, selection), .. settingsProblems, .. record.Problems], Shard = ShardOf(planned.Plan) };
        ResultsReport report;
        try
        {
            var published = await work.PublishAsync(record, request.ResultsDirectory, redactor, CancellationToken.None);
            // Merged even after Ctrl+C: partial results are kept and marked incomplete.
            var reportOptions = ReportOptions.From(configuration, cadence, request.ResultsDirectory, workspace.TimingsPath, redactor, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)) with
            {
                History = await HistoryStores.OptionsAsync(workspace, CancellationToken.None),
            };
            foreach (var warning in reportOptions.Warnings)
            {
                log.WriteLine($"warning quarantine: {warning}");
            }
            report = await ResultsReporter.WriteReportAsync(published, reportOptions, CancellationToken.None);
            if (report.HistoryWarning is { } historyWarning)
            {
                log.WriteLine($"warning history: {historyWarning}");
            }
            if (planned.Cache is { } recording
                && await ResultCache.Of(workspace).RecordAsync(recording, report.Tests, runId, TimeProvider.System.GetUtcNow(), CancellationToken.None) is { } cacheWarning)
            {
                log.WriteLine($"warning cache: {cacheWarning}");
            }
            record = published with
            {
                Units = [.. published.Units.Zip(report.Units, (unit, stored) =>
                    unit with { TrxPath = stored.TrxPath is { } trx ? Path.GetFullPath(Path.Combine(request.ResultsDirectory, trx)) : null })],
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw await ResultsNotWrittenAsync(work, record, redactor, request.ResultsDirectory, exception);
        }
        work.Remove();
        return new RunResult(record, report.Verdict, report.Tests, selection, clock.Elapsed) { Coverage = report.Coverage, IsolationProblems = report.IsolationProblems, RepetitionStops = report.RepetitionStops, History = report.History };
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

    private static void Warn(TextWriter log, IEnumerable<RunProblem> problems)
    {
        foreach (var problem in problems)
        {
            log.WriteLine($"warning {problem.Subject}: {problem.Message}");
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
}
