using System.Collections.Concurrent;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Results;

namespace Orchestrator.Cli.Tests.Execution;

/// <summary>Keeps every progress event with the time it arrived.</summary>
internal sealed class RecordingProgress : IRunProgress
{
    public ConcurrentQueue<(DateTimeOffset At, string Event)> Events { get; } = new();

    public ConcurrentQueue<UnitStart> Started { get; } = new();

    public ConcurrentQueue<LiveTestResult> Results { get; } = new();

    public void RunStarted(TestPlan plan, RunOptions options) => Add("run started");

    public void UnitStarted(UnitStart unit)
    {
        Started.Enqueue(unit);
        Add($"unit started {unit.UnitId}");
    }

    public void TestFinished(UnitStart unit, LiveTestResult result)
    {
        Results.Enqueue(result);
        Add($"test {result.Outcome} {result.FullyQualifiedName}");
    }

    public void UnitFinished(UnitRun run) => Add($"unit finished {run.UnitId} {run.Exit}");

    public void ResourceStarting(string instanceName, string resource) => Add($"resource starting {instanceName}");

    public void ResourceReady(ResourceInstance instance) => Add($"resource ready {instance.InstanceName}");

    public void ResourceFailed(string instanceName, string resource, string cause) => Add($"resource failed {instanceName}: {cause}");

    public void ResourceRestarting(string instanceName, string resource, string cause) => Add($"resource restarting {instanceName}: {cause}");

    public void ResourceStopped(string instanceName, string resource) => Add($"resource stopped {instanceName}");

    public void RetriesScheduled(UnitRun failed, int attempt, IReadOnlyList<TestKey> tests) => Add($"retry {failed.UnitId} attempt {attempt}: {tests.Count}");

    public void RunFinished(RunRecord record) => Add("run finished");

    private void Add(string text) => Events.Enqueue((DateTimeOffset.UtcNow, text));
}
