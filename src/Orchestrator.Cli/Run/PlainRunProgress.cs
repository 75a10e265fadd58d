using System.Globalization;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Results;
using Orchestrator.Security;

namespace Orchestrator.Cli.Run;

/// <summary>
/// Progress as timestamped lines, for CI logs and redirected output: units, failures, containers,
/// re-runs, and a heartbeat with counts whenever nothing else was printed for a few seconds.
/// Every line passes through the redactor.
/// </summary>
internal sealed class PlainRunProgress : IRunProgressRenderer
{
    private readonly TextWriter _out;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly TimeSpan _heartbeat;
    private readonly RunProgressState _state = new();
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private DateTimeOffset _lastLine;

    public PlainRunProgress(TextWriter output, SecretRedactor redactor, TimeSpan? heartbeat = null, TimeProvider? time = null)
    {
        _out = output;
        _redactor = redactor;
        _time = time ?? TimeProvider.System;
        _heartbeat = heartbeat ?? TimeSpan.FromSeconds(5);
        _lastLine = _time.GetUtcNow();
        var tick = _heartbeat / 5;
        _timer = _time.CreateTimer(_ => Heartbeat(), null, tick, tick);
    }

    public void RunStarted(TestPlan plan, RunOptions options)
    {
        _state.Start(plan, options);
        var units = plan.Units.Count();
        Write($"run {options.RunId}: {plan.SelectedTestCount} tests in {units} units, {plan.Partitions.Count} partitions, {options.Parallelism.EffectiveParallelUnits} slots");
    }

    public void UnitStarted(UnitStart unit)
    {
        _state.UnitStarted();
        Write($"start  {Describe(unit.UnitId, unit.Repetition)} ({unit.TestCount} tests)");
    }

    public void TestFinished(UnitStart unit, LiveTestResult result)
    {
        _state.Result(unit.PartitionId, result);
        if (result.Outcome == TestResultOutcome.Failed)
        {
            var message = result.ErrorMessage?.Split('\n')[0].Trim();
            Write($"FAILED {result.QualifiedDisplayName} [{unit.UnitId}]{(string.IsNullOrEmpty(message) ? string.Empty : ": " + message)}");
        }
    }

    public void UnitFinished(UnitRun run)
    {
        _state.UnitFinished(run);
        var elapsed = (run.FinishedAt - run.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        Write($"end    {Describe(run.UnitId, run.Repetition)} {run.Exit} in {elapsed} s{(run.Exit == UnitExit.Passed ? string.Empty : ": " + run.ExitDetail)}");
    }

    public void ResourceStarting(string instanceName, string resource)
    {
        _state.Container(instanceName, "starting");
        Write($"resource {instanceName} ({resource}) starting");
    }

    public void ResourceReady(ResourceInstance instance)
    {
        _state.ContainerReady(instance);
        var seconds = (instance.ReadyAt - instance.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        Write($"resource {instance.InstanceName} ready in {seconds} s");
    }

    public void ResourceFailed(string instanceName, string resource, string cause)
    {
        _state.Container(instanceName, "failed");
        Write($"resource {instanceName} ({resource}) FAILED: {cause}");
    }

    public void ResourceRestarting(string instanceName, string resource, string cause)
    {
        _state.Container(instanceName, "starting");
        Write($"resource {instanceName} ({resource}) failed to start; starting a fresh container in its place (the run retries). First failure: {cause}");
    }

    public void ResourceStopped(string instanceName, string resource)
    {
        _state.Container(instanceName, "stopped");
        Write($"resource {instanceName} stopped");
    }

    public void RetriesScheduled(UnitRun failed, int attempt, IReadOnlyList<TestKey> tests)
    {
        _state.RetriesScheduled(failed.PartitionId, tests.Count);
        Write($"retry  {failed.UnitId}: {tests.Count} test(s) again as attempt {attempt}");
    }

    public void RunFinished(RunRecord record)
    {
        var snapshot = _state.Take();
        Write($"run finished{(record.Incomplete ? " (incomplete)" : string.Empty)}: {snapshot.Done} results, {snapshot.Failed} failed, {record.Units.Count} unit processes");
    }

    public ValueTask DisposeAsync() => _timer.DisposeAsync();

    private void Heartbeat()
    {
        if (_time.GetUtcNow() - _lastLine < _heartbeat)
        {
            return;
        }
        var snapshot = _state.Take();
        var starting = snapshot.Containers.Count(container => container.Status == "starting");
        Write($"...    {snapshot.Done}/{snapshot.Total} tests done, {snapshot.Failed} failed, {snapshot.RunningUnits} unit(s) running{(starting > 0 ? $", {starting} container(s) starting" : string.Empty)}");
    }

    private static string Describe(string unitId, int repetition) => repetition == 0 ? unitId : $"{unitId} (repetition {repetition + 1})";

    private void Write(string line)
    {
        var now = _time.GetUtcNow();
        var text = $"{now.ToLocalTime():HH:mm:ss} {_redactor.Redact(line)}";
        lock (_lock)
        {
            _lastLine = now;
            _out.WriteLine(text);
            _out.Flush();
        }
    }
}
