namespace Orchestrator.Planning;

/// <summary>Predicted wall time of the execute phase on <paramref name="Slots"/> parallel slots.</summary>
/// <param name="Makespan">Predicted time until the last unit ends, when units are placed longest first.</param>
/// <param name="LowerBound">No schedule can beat max(longest unit, total work / slots).</param>
/// <param name="TotalWork">Sum of all units' expected durations.</param>
/// <param name="Slots">Parallel slots assumed.</param>
public sealed record PlanPrediction(TimeSpan Makespan, TimeSpan LowerBound, TimeSpan TotalWork, int Slots);
