namespace Orchestrator.Planning;

/// <summary>
/// Greedy longest-processing-time placement: items, longest first, each go to the least loaded bin.
/// Within 4/3 of the optimal makespan, and deterministic: callers order equal items, and equal bins
/// are broken by their index.
/// </summary>
internal static class LongestProcessingTime
{
    /// <summary>
    /// Places <paramref name="durations"/> (already ordered longest first, ties ordered by the caller)
    /// on <paramref name="binCount"/> bins; returns the bin index of each item and the bins' loads.
    /// </summary>
    public static (int[] BinOfItem, TimeSpan[] Loads) Assign(IReadOnlyList<TimeSpan> durations, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var binOfItem = new int[durations.Count];
        var loads = new TimeSpan[binCount];
        var queue = new PriorityQueue<int, (long Load, int Bin)>(binCount, LoadThenIndex.Instance);
        for (var bin = 0; bin < binCount; bin++)
        {
            queue.Enqueue(bin, (0, bin));
        }
        for (var item = 0; item < durations.Count; item++)
        {
            var bin = queue.Dequeue();
            binOfItem[item] = bin;
            loads[bin] += durations[item];
            queue.Enqueue(bin, (loads[bin].Ticks, bin));
        }
        return (binOfItem, loads);
    }

    /// <summary>Makespan of placing <paramref name="durations"/> longest first on <paramref name="slots"/> slots.</summary>
    public static TimeSpan Makespan(IEnumerable<TimeSpan> durations, int slots)
    {
        var ordered = durations.OrderByDescending(duration => duration).ToList();
        if (ordered.Count == 0)
        {
            return TimeSpan.Zero;
        }
        var (_, loads) = Assign(ordered, Math.Min(slots, ordered.Count));
        return loads.Max();
    }

    private sealed class LoadThenIndex : IComparer<(long Load, int Bin)>
    {
        public static LoadThenIndex Instance { get; } = new();

        public int Compare((long Load, int Bin) x, (long Load, int Bin) y)
        {
            var byLoad = x.Load.CompareTo(y.Load);
            return byLoad != 0 ? byLoad : x.Bin.CompareTo(y.Bin);
        }
    }
}
