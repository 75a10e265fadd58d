namespace Orchestrator.History;

/// <summary>A test's durations over its window: the median of all, of the newer half and of the older half.</summary>
/// <param name="Median">Median of every duration in the window.</param>
/// <param name="Recent">Median of the newer half; null with fewer than two runs.</param>
/// <param name="Earlier">Median of the older half; null with fewer than two runs.</param>
public sealed record DurationTrend(TimeSpan Median, TimeSpan? Recent, TimeSpan? Earlier)
{
    /// <summary>Recent over earlier median (1.5: half again as slow); null without both halves or an earlier median of zero.</summary>
    public double? Ratio => Recent is { } recent && Earlier is { } earlier && earlier > TimeSpan.Zero ? recent / earlier : null;

    public static DurationTrend Of(IReadOnlyList<TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        if (durations.Count < 2)
        {
            return new DurationTrend(durations.Count == 0 ? TimeSpan.Zero : durations[0], null, null);
        }
        var half = durations.Count / 2;
        return new DurationTrend(MedianOf(durations), MedianOf([.. durations.Skip(durations.Count - half)]), MedianOf([.. durations.Take(durations.Count - half)]));
    }

    private static TimeSpan MedianOf(IReadOnlyList<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
