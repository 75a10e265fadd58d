namespace Orchestrator.Benchmarks.Scale;

/// <summary>One unit process of a run: its wall time, and the test time its TRX reports (the rest is process start-up and shut-down).</summary>
internal sealed record UnitFigures(string UnitId, string PartitionId, int Tests, double WallSeconds, double TestSeconds)
{
    public double ProcessOverheadSeconds => WallSeconds - TestSeconds;
}
