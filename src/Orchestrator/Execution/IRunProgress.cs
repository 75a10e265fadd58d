using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Resources;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>
/// Receives what a run does as it happens. Called from several threads at once; implementations
/// must be thread-safe and fast (render elsewhere), and must not throw.
/// </summary>
public interface IRunProgress
{
    void RunStarted(TestPlan plan, RunOptions options);

    void UnitStarted(UnitStart unit);

    /// <summary>One test result: live from the logger, or from the unit's TRX when it ends.</summary>
    void TestFinished(UnitStart unit, LiveTestResult result);

    void UnitFinished(UnitRun run);

    void ResourceStarting(string instanceName, string resource);

    void ResourceReady(ResourceInstance instance);

    void ResourceFailed(string instanceName, string resource, string cause);

    /// <summary>The instance's first container failed to start (<paramref name="cause"/>); a fresh one is starting in its place.</summary>
    void ResourceRestarting(string instanceName, string resource, string cause);

    void ResourceStopped(string instanceName, string resource);

    /// <summary>Failed (or result-less) tests of <paramref name="failed"/> will run again as attempt <paramref name="attempt"/>.</summary>
    void RetriesScheduled(UnitRun failed, int attempt, IReadOnlyList<TestKey> tests);

    void RunFinished(RunRecord record);
}
