using System.Collections.Frozen;
using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>
/// Historical duration per test, and process start-up cost per test assembly, as the previous runs
/// measured them. The planner balances units with the durations (a test without history is estimated
/// as the mean of the known ones) and decides with the start-up costs how many processes pay off.
/// </summary>
internal sealed class TimingHistory
{
    /// <summary>Estimate for every test when nothing at all is known.</summary>
    public static TimeSpan DefaultEstimate { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Start-up cost assumed for an assembly no run has measured yet: what a <c>dotnet test</c> process of a small
    /// assembly spends before and after its tests (the runner, one test host, discovery, the result files).
    /// </summary>
    public static TimeSpan DefaultStartUp { get; } = TimeSpan.FromSeconds(2);

    public static TimingHistory Empty { get; } = new(FrozenDictionary<TestKey, TimeSpan>.Empty, FrozenDictionary<string, TimeSpan>.Empty);

    private readonly FrozenDictionary<TestKey, TimeSpan> _durations;
    private readonly FrozenDictionary<string, TimeSpan> _startUps;

    private TimingHistory(FrozenDictionary<TestKey, TimeSpan> durations, FrozenDictionary<string, TimeSpan> startUps)
    {
        _durations = durations;
        _startUps = startUps;
        Mean = durations.Count == 0
            ? null
            : TimeSpan.FromTicks((long)durations.Values.Average(duration => (double)duration.Ticks));
    }

    /// <summary>Builds a history from measured durations; negative durations are read as zero.</summary>
    public static TimingHistory From(IReadOnlyDictionary<TestKey, TimeSpan> durations) =>
        From(durations, FrozenDictionary<string, TimeSpan>.Empty);

    /// <summary>Builds a history from measured test durations and start-up costs per assembly name; negative values are read as zero.</summary>
    public static TimingHistory From(IReadOnlyDictionary<TestKey, TimeSpan> durations, IReadOnlyDictionary<string, TimeSpan> startUps)
    {
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentNullException.ThrowIfNull(startUps);
        return durations.Count == 0 && startUps.Count == 0
            ? Empty
            : new TimingHistory(
                durations.ToFrozenDictionary(pair => pair.Key, pair => NotNegative(pair.Value)),
                startUps.ToFrozenDictionary(pair => pair.Key, pair => NotNegative(pair.Value), StringComparer.Ordinal));
    }

    public int Count => _durations.Count;

    /// <summary>Mean of the known durations; null when none is known.</summary>
    public TimeSpan? Mean { get; }

    /// <summary>What an unknown test is assumed to take: the mean of the known ones, or <see cref="DefaultEstimate"/>.</summary>
    public TimeSpan UnknownEstimate => Mean ?? DefaultEstimate;

    public bool TryGet(TestKey test, out TimeSpan duration) => _durations.TryGetValue(test, out duration);

    /// <summary>The measured duration of <paramref name="test"/>, or <see cref="UnknownEstimate"/>.</summary>
    public TimeSpan Estimate(TestKey test) => _durations.TryGetValue(test, out var duration) ? duration : UnknownEstimate;

    /// <summary>What one more process running tests of <paramref name="assembly"/> costs besides its tests: the measured start-up, or <see cref="DefaultStartUp"/>.</summary>
    public TimeSpan StartUp(string assembly) => _startUps.TryGetValue(assembly, out var startUp) ? startUp : DefaultStartUp;

    /// <summary>Whether any of <paramref name="tests"/> has a recorded duration or any of their assemblies a measured start-up.</summary>
    internal bool Knows(IEnumerable<TestKey> tests) =>
        tests.Any(test => _durations.ContainsKey(test) || _startUps.ContainsKey(test.Assembly));

    /// <summary>What one process running <paramref name="tests"/> costs besides them: the start-up of each of their assemblies.</summary>
    internal TimeSpan StartUpOf(IEnumerable<TestKey> tests) =>
        tests.Select(test => test.Assembly).Distinct(StringComparer.Ordinal).Aggregate(TimeSpan.Zero, (sum, assembly) => sum + StartUp(assembly));

    public IReadOnlyDictionary<TestKey, TimeSpan> ToDictionary() => _durations;

    /// <summary>The measured start-up cost per assembly name.</summary>
    public IReadOnlyDictionary<string, TimeSpan> StartUps => _startUps;

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
