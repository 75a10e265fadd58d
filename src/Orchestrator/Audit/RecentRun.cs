namespace Orchestrator.Audit;

/// <summary>The outcome of one earlier run of the suite, oldest first in a list: what the consecutive-runs question reads.</summary>
/// <param name="Id">The run's id, named in the evidence.</param>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed or were selected and not run.</param>
public sealed record RecentRun(string Id, int Passed, int Failed)
{
    /// <summary>Every test passed: a run at 100 %.</summary>
    public bool AllPassed => Failed == 0 && Passed > 0;
}
