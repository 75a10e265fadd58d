using Orchestrator.Results;

namespace Orchestrator.History;

/// <summary>A run's merged tests as history records.</summary>
internal static class HistoryRecords
{
    private const string RetrySuffix = "#retry";

    public static IReadOnlyList<TestHistoryRecord> Of(HistoryRun run, IEnumerable<MergedTest> tests)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(tests);
        return [.. tests.Select(test => new TestHistoryRecord(
            run,
            test.TestId,
            test.DisplayName,
            test.Layer,
            UnitOf(test),
            test.PartitionId,
            test.Outcome,
            test.Attempts.Count,
            test.Duration,
            test.Outcome.IsPass() && test.Outcome != TestOutcome.Flaky ? null : test.FailureMessage))];
    }

    private static string UnitOf(MergedTest test)
    {
        if (test.Attempts.Count == 0)
        {
            return test.PartitionId;
        }
        var unit = test.Attempts[0].Unit.UnitId;
        var retry = unit.IndexOf(RetrySuffix, StringComparison.Ordinal);
        return retry < 0 ? unit : unit[..retry];
    }
}
