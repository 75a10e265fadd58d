using System.Collections.Immutable;
using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Execution;

/// <summary>
/// Executes a plan: every unit through the unit runner on parallel slots, resource-free
/// units first while containers come up, longest units first among those that can start, failed tests
/// re-run in fresh processes and namespaces, the whole selection repeated when asked. Never loses a
/// unit: each one that should have run is in the record, also when it could not start or was cancelled.
/// </summary>
internal sealed class UnitScheduler
{
    private readonly IUnitRunner _units;
    private readonly IRunProgress _progress;
    private readonly TimeProvider _time;

    /// <param name="units">Runs each unit attempt.</param>
    /// <param name="progress">Receives events as they happen.</param>
    /// <param name="time">The clock: when units start and end, when upcoming units' resources are due.</param>
    public UnitScheduler(IUnitRunner units, IRunProgress progress, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(time);
        _units = units;
        _progress = progress;
        _time = time;
    }

    /// <param name="plan">What to run.</param>
    /// <param name="options">How to run it.</param>
    /// <param name="resources">Provides the plan's resources; null when no unit needs any.</param>
    /// <param name="ct">Ctrl+C / SIGTERM: running units are stopped, the rest recorded as cancelled, resources stopped, and the partial record returned.</param>
    public async Task<RunRecord> RunAsync(TestPlan plan, RunOptions options, IResourceProvider? resources, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var startedAt = _time.GetUtcNow();
        _progress.RunStarted(plan, options);
        var records = new List<UnitRun>();
        var pool = new ResourcePool(resources, options, _progress, _time);
        await using (pool.ConfigureAwait(false))
        {
            var pending = new List<UnitAttempt>();
            foreach (var attempt in RepetitionSchedule.FirstAttempts(plan, options))
            {
                if (pool.Reserve(attempt) is { } impossible)
                {
                    records.Add(Unstarted(attempt, UnitExit.NotStarted, impossible, report: true));
                }
                else
                {
                    pending.Add(attempt);
                }
            }
            pool.Open(ct);
            var stopped = new HashSet<RepetitionMode>();
            await ExecuteAsync(pending, pool, options, records, stopped, ct).ConfigureAwait(false);
            await pool.StopAllAsync().ConfigureAwait(false);
            var finishedAt = _time.GetUtcNow();
            var record = new RunRecord(
                options.RunId,
                plan.Cadence,
                startedAt,
                finishedAt,
                Incomplete: ct.IsCancellationRequested || records.Any(run => run.Exit == UnitExit.Cancelled),
                [.. records.OrderBy(run => run.StartedAt)],
                pool.Lifetimes(),
                new RunPhases { Execute = finishedAt - startedAt })
            {
                Repeat = RepetitionSchedule.Record(plan, options, records, stopped),
            };
            _progress.RunFinished(record);
            return record;
        }
    }

    private async Task ExecuteAsync(
        List<UnitAttempt> pending,
        ResourcePool pool,
        RunOptions options,
        List<UnitRun> records,
        HashSet<RepetitionMode> stopped,
        CancellationToken ct)
    {
        var slots = options.Parallelism.EffectiveParallelUnits;
        var running = new Dictionary<Task<UnitRun>, UnitAttempt>();
        var runningSince = new Dictionary<Task<UnitRun>, DateTimeOffset>();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = ct.Register(() => cancelled.TrySetResult());
        while (pending.Count > 0 || running.Count > 0)
        {
            var changed = pool.Changed;
            if (ct.IsCancellationRequested)
            {
                foreach (var attempt in pending)
                {
                    records.Add(Unstarted(attempt, UnitExit.Cancelled, "Run cancelled before the unit started.", report: true));
                    pool.Release(attempt);
                }
                pending.Clear();
            }
            foreach (var attempt in DispatchOrder(pending))
            {
                switch (pool.Readiness(attempt, out var failure))
                {
                    case ResourceReadiness.Failed:
                        pending.Remove(attempt);
                        records.Add(Unstarted(attempt, UnitExit.NotStarted, failure!, report: true));
                        pool.Release(attempt);
                        break;
                    case ResourceReadiness.Ready when running.Count < slots && WithinConcurrency(attempt, running.Values, options) && RepetitionSchedule.MayStart(attempt, running.Values, pending):
                        pending.Remove(attempt);
                        var unit = RunOneAsync(attempt, pool, options, ct);
                        running.Add(unit, attempt);
                        runningSince.Add(unit, _time.GetUtcNow());
                        break;
                }
            }
            if (running.Count == 0 && pending.Count == 0)
            {
                break;
            }
            var nextDemand = DemandResourcesOfUpcomingUnits(DispatchOrder(pending), running, runningSince, slots, pool, options.ResourceLeadTime);
            using var demandTimer = new CancellationTokenSource();
            var wakeUps = running.Keys.Append<Task>(changed);
            if (nextDemand is { } due)
            {
                // Wakes the scheduler when upcoming units' resources should start; not a wait for a condition.
                wakeUps = wakeUps.Append(Task.Delay(due, _time, demandTimer.Token));
            }
            await Task.WhenAny(ct.IsCancellationRequested ? wakeUps : wakeUps.Append(cancelled.Task)).ConfigureAwait(false);
            await demandTimer.CancelAsync().ConfigureAwait(false);
            foreach (var (task, attempt) in running.Where(pair => pair.Key.IsCompleted).ToList())
            {
                running.Remove(task);
                runningSince.Remove(task);
                var run = await task.ConfigureAwait(false);
                records.Add(run);
                _progress.UnitFinished(run);
                if (RepetitionSchedule.StopsItsMode(attempt, run, options) && stopped.Add(attempt.Mode!.Value))
                {
                    foreach (var unstarted in pending.Where(other => other.Mode == attempt.Mode && other.Attempt == 0).ToList())
                    {
                        pending.Remove(unstarted);
                        pool.Release(unstarted);
                    }
                }
                if (!ct.IsCancellationRequested && RetryOf(attempt, run, options) is { } retry)
                {
                    // Reserved before the finished attempt releases, so a dedicated instance stays up for the re-run.
                    if (pool.Reserve(retry) is null)
                    {
                        pending.Add(retry);
                        _progress.RetriesScheduled(run, retry.Attempt, retry.Unit.Tests);
                    }
                }
                pool.Release(attempt);
            }
        }
    }

    /// <summary>True when no resource of the unit would be used by more units at once than its <c>concurrency</c> allows.</summary>
    private static bool WithinConcurrency(UnitAttempt attempt, IEnumerable<UnitAttempt> running, RunOptions options) =>
        attempt.Unit.Resources.All(resource =>
            options.Resources.GetValueOrDefault(resource)?.Concurrency is not { } limit
            || running.Count(other => other.Unit.Resources.Contains(resource)) < limit);

    /// <summary>Longest units first; repetitions of one unit in order.</summary>
    private static List<UnitAttempt> DispatchOrder(List<UnitAttempt> pending) =>
        [.. pending.OrderByDescending(attempt => attempt.Unit.ExpectedDuration).ThenBy(attempt => attempt.Repetition)];

    /// <summary>
    /// Demands the resources of the units next in line for a slot once a slot is free or expected to
    /// free within <paramref name="lead"/> (by the running units' expected durations), so containers
    /// start shortly before they are needed rather than at the start of the run. Returns when to look
    /// again, or null when nothing is waiting for that.
    /// </summary>
    private TimeSpan? DemandResourcesOfUpcomingUnits(
        List<UnitAttempt> dispatchOrder,
        Dictionary<Task<UnitRun>, UnitAttempt> running,
        Dictionary<Task<UnitRun>, DateTimeOffset> runningSince,
        int slots,
        ResourcePool pool,
        TimeSpan lead)
    {
        var upcoming = dispatchOrder.Take(slots).Where(attempt => !attempt.Unit.Resources.IsEmpty).ToList();
        if (upcoming.Count == 0)
        {
            return null;
        }
        var now = _time.GetUtcNow();
        var slotFreesIn = running.Count < slots
            ? TimeSpan.Zero
            : running.Keys.Min(unit => running[unit].Unit.ExpectedDuration - (now - runningSince[unit]));
        if (slotFreesIn > lead)
        {
            return slotFreesIn - lead;
        }
        foreach (var attempt in upcoming)
        {
            pool.Demand(attempt);
        }
        return null;
    }

    private async Task<UnitRun> RunOneAsync(UnitAttempt attempt, ResourcePool pool, RunOptions options, CancellationToken ct)
    {
        await Task.Yield();
        ImmutableDictionary<string, string> resourceVariables;
        try
        {
            resourceVariables = await pool.VariablesAsync(attempt, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Unstarted(attempt, UnitExit.Cancelled, "Run cancelled while the unit's namespaces were created.", report: false);
        }
        catch (Exception exception)
        {
            var detail = options.Redactor.Redact($"The unit's resource namespaces could not be created: {exception.Message}");
            return Unstarted(attempt, UnitExit.NotStarted, detail, report: false);
        }
        var environment = options.TestEnvironment.SetItems(resourceVariables);
        try
        {
            var run = await _units.RunAsync(attempt, environment, ct).ConfigureAwait(false);
            return run with { Instances = [.. pool.ContainerInstancesOf(attempt).Select(instance => $"{options.RunId}/{instance}")] };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var detail = options.Redactor.Redact($"The unit could not be run: {exception.Message}");
            return Unstarted(attempt, UnitExit.NotStarted, detail, report: false);
        }
    }

    /// <summary>The re-run of a finished attempt's failed and result-less tests, when retries remain.</summary>
    internal static UnitAttempt? RetryOf(UnitAttempt finished, UnitRun run, RunOptions options)
    {
        if (finished.Attempt >= options.Retries || run.Exit is not (UnitExit.TestsFailed or UnitExit.Crashed or UnitExit.Hung))
        {
            return null;
        }
        var failed = run.Results.Where(result => result.Outcome.IsFailure()).SelectMany(NamesOf).ToHashSet(StringComparer.Ordinal);
        var withResult = run.Results.SelectMany(NamesOf).ToHashSet(StringComparer.Ordinal);
        var again = finished.Unit.Tests
            .Where(test => failed.Contains(test.FullyQualifiedName) || !withResult.Contains(test.FullyQualifiedName))
            .ToList();
        if (again.Count == 0)
        {
            return null;
        }
        var retried = again.ToHashSet();
        var assemblies = again.Select(test => test.Assembly).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var planned = new PlannedAssemblies(finished.Unit.Tests);
        var unit = finished.Unit with
        {
            Tests = again,
            Sources = [.. finished.Unit.Sources.Where(source => assemblies.Contains(planned.AssemblyOf(source)))],
            Filter = VsTestFilter.ForNames(again),
            CaseIds = [.. finished.Unit.CaseIds.Where(caseId => retried.Contains(caseId.Test))],
            Rows = [.. finished.Unit.Rows.Where(row => retried.Contains(row.Test))],
            ExpectedDuration = TimeSpan.FromTicks(finished.Unit.ExpectedDuration.Ticks * again.Count / Math.Max(1, finished.Unit.Tests.Count)),
        };
        return unit.Sources.Count == 0 ? null : finished with { Unit = unit, Attempt = finished.Attempt + 1 };
    }

    /// <summary>The names a planned test may have for a result: its method's, and the case's with its arguments (NUnit plans cases one by one).</summary>
    private static IEnumerable<string> NamesOf(TestCaseResult result) =>
        [result.Key.FullyQualifiedName, result.Definition.ClassName + "." + result.Definition.MethodName];

    private UnitRun Unstarted(UnitAttempt attempt, UnitExit exit, string detail, bool report)
    {
        var now = _time.GetUtcNow();
        var run = attempt.Record(trxPath: null, now, now, exit, detail);
        if (report)
        {
            _progress.UnitFinished(run);
        }
        return run;
    }
}
