namespace Orchestrator.Benchmarks.Scale;

/// <summary>Everything measured for one suite size. Lists hold one figure per repetition, in order.</summary>
internal sealed record ScaleMeasurement(
    int Tests,
    int Projects,
    int Classes,
    SimulatedWork Work,
    double? BuildSeconds,
    IReadOnlyList<double> DiscoveryColdSeconds,
    IReadOnlyList<double> DiscoveryWarmSeconds,
    IReadOnlyList<double> PlanWithoutHistorySeconds,
    IReadOnlyList<double> PlanSeconds,
    PlanFigures PlanWithoutHistory,
    PlanFigures Plan,
    RunFigures FirstRun,
    IReadOnlyList<RunFigures> WarmRuns,
    IReadOnlyList<double> MergeSeconds)
{
    /// <summary>The warm run reported: the median by wall time (the only one when there is one).</summary>
    public RunFigures Reported => WarmRuns.OrderBy(run => run.WallSeconds).ElementAt((WarmRuns.Count - 1) / 2);
}
