using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>Progress that goes nowhere.</summary>
internal sealed class NullRunProgress : IRunProgress
{
    public static NullRunProgress Instance { get; } = new();

    public void RunStarted(TestPlan plan, RunOptions options)
    {
    }

    public void UnitStarted(UnitStart unit)
    {
    }

    public void TestFinished(UnitStart unit, LiveTestResult result)
    {
    }

    public void UnitFinished(UnitRun run)
    {
    }

    public void ResourceStarting(string instanceName, string resource)
    {
    }

    public void ResourceReady(ResourceInstance instance)
    {
    }

    public void ResourceFailed(string instanceName, string resource, string cause)
    {
    }

    public void ResourceRestarting(string instanceName, string resource, string cause)
    {
    }

    public void ResourceStopped(string instanceName, string resource)
    {
    }

    public void RetriesScheduled(UnitRun failed, int attempt, IReadOnlyList<TestKey> tests)
    {
    }

    public void RunFinished(RunRecord record)
    {
    }
}
