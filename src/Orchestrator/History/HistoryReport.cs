namespace Orchestrator.History;

/// <summary>What <c>orchestrator flaky</c> shows: the history's tests by flaky rate, new failures, slowest, quarantine candidates.</summary>
/// <param name="Flaky">Tests with a flaky run in their window, highest flaky rate first.</param>
/// <param name="NewFailures">Tests whose newest run failed after a pass on the same branch.</param>
/// <param name="Slowest">Tests with the highest median duration, with their trend.</param>
/// <param name="QuarantineCandidates">Tests whose flaky rate reaches <paramref name="CandidateRate"/>: suggested, never quarantined by the tool.</param>
/// <param name="CandidateRate">The flaky rate from which a test is suggested for quarantine.</param>
/// <param name="Tests">Tests with a run in the window.</param>
public sealed record HistoryReport(
    IReadOnlyList<TestHistoryStatistics> Flaky,
    IReadOnlyList<TestHistoryStatistics> NewFailures,
    IReadOnlyList<TestHistoryStatistics> Slowest,
    IReadOnlyList<TestHistoryStatistics> QuarantineCandidates,
    double CandidateRate,
    int Tests);
