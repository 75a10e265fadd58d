using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>What one unit's results say the tests took: results, passed, summed and longest durations (as the test host measured them).</summary>
internal sealed record TestTotals(int Results, int Passed, double TestSeconds, double LongestTestSeconds)
{
    public static TestTotals Empty { get; } = new(0, 0, 0, 0);

    public static TestTotals Of(IReadOnlyList<TestCaseResult> results) => new(
        results.Count,
        results.Count(result => result.Outcome == TrxOutcome.Passed),
        results.Sum(result => result.Duration.TotalSeconds),
        results.Count == 0 ? 0 : results.Max(result => result.Duration.TotalSeconds));

    public TestTotals Add(TestTotals other) => new(
        Results + other.Results,
        Passed + other.Passed,
        TestSeconds + other.TestSeconds,
        Math.Max(LongestTestSeconds, other.LongestTestSeconds));
}
