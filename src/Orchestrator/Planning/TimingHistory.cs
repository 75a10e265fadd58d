using System.Collections.Frozen;
using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>
/// Historical duration per test, as the previous runs measured it. The planner balances units with
/// it; a test without history is estimated as the mean of the known ones.
/// </summary>
public sealed class TimingHistory
{
    /// <summary>Estimate for every test when nothing at all is known.</summary>
    public static TimeSpan DefaultEstimate { get; } = TimeSpan.FromMilliseconds(100);

    public static TimingHistory Empty { get; } = new(FrozenDictionary<TestKey, TimeSpan>.Empty);

    private readonly FrozenDictionary<TestKey, TimeSpan> _durations;

    private TimingHistory(FrozenDictionary<TestKey, TimeSpan> durations)
    {
        _durations = durations;
        Mean = durations.Count == 0
            ? null
            : TimeSpan.FromTicks((long)durations.Values.Average(duration => (double)duration.Ticks));
    }

    /// <summary>Builds a history from measured durations; negative durations are read as zero.</summary>
    public static TimingHistory From(IReadOnlyDictionary<TestKey, TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        return durations.Count == 0
            ? Empty
            : new TimingHistory(durations.ToFrozenDictionary(
                pair => pair.Key,
                pair => pair.Value < TimeSpan.Zero ? TimeSpan.Zero : pair.Value));
    }

    public int Count => _durations.Count;

    /// <summary>Mean of the known durations; null when none is known.</summary>
    public TimeSpan? Mean { get; }

    /// <summary>What an unknown test is assumed to take: the mean of the known ones, or <see cref="DefaultEstimate"/>.</summary>
    public TimeSpan UnknownEstimate => Mean ?? DefaultEstimate;

    public bool TryGet(TestKey test, out TimeSpan duration) => _durations.TryGetValue(test, out duration);

    /// <summary>The measured duration of <paramref name="test"/>, or <see cref="UnknownEstimate"/>.</summary>
    public TimeSpan Estimate(TestKey test) => _durations.TryGetValue(test, out var duration) ? duration : UnknownEstimate;

    public IReadOnlyDictionary<TestKey, TimeSpan> ToDictionary() => _durations;
}
