namespace Orchestrator.History;

/// <summary>How far back the analysis looks for each test: its last <paramref name="Runs"/> recorded runs, within <paramref name="Days"/> days.</summary>
/// <param name="Runs">Recorded runs of a test to look at (its newest first), or null for all of them.</param>
/// <param name="Days">Days before now to look at, or null for no limit.</param>
public sealed record HistoryWindow(int? Runs, int? Days)
{
    public static HistoryWindow Default { get; } = new(30, null);

    /// <summary>The records of one test inside the window, oldest first.</summary>
    public IReadOnlyList<TestHistoryRecord> Of(IEnumerable<TestHistoryRecord> records, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        var since = Days is { } days ? now.AddDays(-days) : DateTimeOffset.MinValue;
        var inside = records.Where(record => record.Run.RecordedAt >= since).OrderBy(record => record.Run.RecordedAt).ToList();
        return Runs is { } runs && inside.Count > runs ? inside[^runs..] : inside;
    }
}
