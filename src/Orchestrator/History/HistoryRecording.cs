using Orchestrator.Reporting;
using Orchestrator.Results;

namespace Orchestrator.History;

/// <summary>
/// Sets a merged run's failing and flaky tests against their history and records the run. A store that cannot be reached
/// is a warning of the run, never its failure.
/// </summary>
internal static class HistoryRecording
{
    /// <returns>The run's history notes, and a warning when the store could not be read or written.</returns>
    public static async Task<(IReadOnlyList<TestRunHistory> Notes, string? Warning)> RecordAsync(MergedRun merged, HistoryOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(options);
        var record = merged.Record;
        var run = new HistoryRun(record.RunId, record.FinishedAt, record.Cadence, options.Origin);
        // A cancelled run's unstarted tests say nothing about the tests, nor does a pass reused from the result cache.
        var tests = merged.Tests.Where(test => !test.Cached && !(record.Incomplete && test.Outcome == TestOutcome.NotRun));
        var current = HistoryRecords.Of(run, tests);
        IReadOnlyList<TestRunHistory> notes = [];
        try
        {
            var notable = current.Where(test => test.Outcome is not (TestOutcome.Passed or TestOutcome.Skipped)).Select(test => test.TestId).ToHashSet(StringComparer.Ordinal);
            if (notable.Count > 0)
            {
                var since = options.Window.Days is { } days ? run.RecordedAt.AddDays(-days) : DateTimeOffset.MinValue;
                notes = RunHistory.Of(await options.Store.ReadAsync(since, notable, ct), current, options.Window);
            }
            await options.Store.RecordAsync(run, current, ct);
            return (notes, null);
        }
        catch (HistoryUnavailableException unavailable)
        {
            return (notes, $"The test history at {options.Store.Location} could not be used, so this run is not recorded in it: {unavailable.Message}");
        }
    }
}
