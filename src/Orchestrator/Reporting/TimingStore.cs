using System.Text.Json;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// The timings file the planner balances units with: per test an exponentially smoothed duration
/// (the newest run weighs <see cref="Alpha"/>) and its sample count, and per test assembly the start-up
/// cost of one process, smoothed the same way. Written atomically; a missing file is an empty history, a
/// corrupt or unreadable one is reported as a warning and ignored, never fatal. A file from before start-up
/// costs were recorded reads as one without any: the planner assumes <see cref="TimingHistory.DefaultStartUp"/>.
/// </summary>
internal static class TimingStore
{
    /// <summary>
    /// Weight of the newest sample: recent enough to follow a test that got slower within a few runs,
    /// smooth enough that one slow run on a noisy machine does not reshuffle the plan.
    /// </summary>
    public const double Alpha = 0.3;

    private const int Version = 1;

    public static (IReadOnlyDictionary<TestKey, TimeSpan> History, string? Warning) Load(string path)
    {
        var (stored, warning) = LoadEntries(path);
        return (stored.Tests.ToDictionary(pair => pair.Key, pair => pair.Value.Duration), warning);
    }

    /// <summary>The whole history the planner uses: test durations and start-up cost per assembly.</summary>
    public static (TimingHistory History, string? Warning) LoadHistory(string path)
    {
        var (stored, warning) = LoadEntries(path);
        return (TimingHistory.From(
            stored.Tests.ToDictionary(pair => pair.Key, pair => pair.Value.Duration),
            stored.StartUps.ToDictionary(pair => pair.Key, pair => pair.Value.Duration, StringComparer.Ordinal)), warning);
    }

    /// <summary>Synchronous <see cref="UpdateAsync(string, IEnumerable{KeyValuePair{TestKey, TimeSpan}}, CancellationToken)"/>.</summary>
    public static string? Update(string path, IEnumerable<KeyValuePair<TestKey, TimeSpan>> samples) =>
        UpdateAsync(path, samples, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Folds one sample per test into the history (in order) and writes the file atomically.</summary>
    /// <returns>A warning when the previous file was unreadable and was replaced, or the new one could not be written; otherwise null.</returns>
    public static Task<string?> UpdateAsync(string path, IEnumerable<KeyValuePair<TestKey, TimeSpan>> samples, CancellationToken ct) =>
        UpdateAsync(path, samples, [], ct);

    /// <summary>Folds test duration samples and start-up samples per assembly into the history (each in order) and writes the file atomically.</summary>
    internal static async Task<string?> UpdateAsync(
        string path,
        IEnumerable<KeyValuePair<TestKey, TimeSpan>> samples,
        IEnumerable<KeyValuePair<string, TimeSpan>> startUpSamples,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(startUpSamples);
        var (stored, warning) = LoadEntries(path);
        Fold(stored.Tests, samples);
        Fold(stored.StartUps, startUpSamples);
        var file = new TimingFile(
            Version,
            Alpha,
            [.. stored.Tests.OrderBy(pair => pair.Key, TestKey.Ordinal)
                .Select(pair => new TimingEntry(pair.Key.Assembly, pair.Key.FullyQualifiedName, Milliseconds(pair.Value.Duration), pair.Value.Samples))],
            [.. stored.StartUps.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new StartUpEntry(pair.Key, Milliseconds(pair.Value.Duration), pair.Value.Samples))]);
        try
        {
            await AtomicFile.WriteAsync(path, (stream, token) => JsonSerializer.SerializeAsync(stream, file, ReportingJsonContext.Default.TimingFile, token), ct);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Combine(warning, $"Timings file '{path}' could not be written ({exception.Message}); the next plan balances on older or estimated durations.");
        }
        return warning;
    }

    /// <summary>
    /// Folds a merged run into the history: one sample per test and unit process (theory rows summed), skipped results
    /// left out, and one start-up sample per assembly of every unit process that ran to its end (see <see cref="StartUpSamples"/>).
    /// </summary>
    public static Task<string?> UpdateAsync(string path, MergedRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        return UpdateAsync(path, Samples(run), StartUpSamples(run.Record.Units), ct);
    }

    internal static IEnumerable<KeyValuePair<TestKey, TimeSpan>> Samples(MergedRun run) =>
        run.Tests
            .SelectMany(test => test.Attempts)
            .Where(attempt => !attempt.Result.Outcome.IsSkipped() && !attempt.Unit.Cached)
            .GroupBy(attempt => (attempt.Result.Key, attempt.Unit))
            .OrderBy(group => group.Key.Unit.StartedAt)
            .Select(group => new KeyValuePair<TestKey, TimeSpan>(group.Key.Key, group.Aggregate(TimeSpan.Zero, (sum, attempt) => sum + attempt.Result.Duration)));

    /// <summary>
    /// The start-up cost of each unit process that ran to its end (tests passed or failed; a crashed, hung, timed-out or
    /// cancelled process says nothing about start-up): its wall time minus its tests' own durations, in start order. The
    /// overhead is shared evenly among the assemblies the process ran, because the planner charges a process the sum of its
    /// assemblies' start-ups: an even share keeps that sum equal to what was measured, and an assembly that only ever runs
    /// together with others is still learned. A process whose tests add up to its wall time or more ran them in parallel;
    /// its overhead cannot be told apart and it is not learned from.
    /// </summary>
    internal static IEnumerable<KeyValuePair<string, TimeSpan>> StartUpSamples(IEnumerable<UnitRun> units)
    {
        foreach (var unit in units.Where(unit => unit.Exit is UnitExit.Passed or UnitExit.TestsFailed && unit.Results.Count > 0).OrderBy(unit => unit.StartedAt))
        {
            var overhead = unit.FinishedAt - unit.StartedAt - unit.Results.Aggregate(TimeSpan.Zero, (sum, result) => sum + result.Duration);
            var assemblies = unit.ExpectedTests.Concat(unit.Results.Select(result => result.Key))
                .Select(test => test.Assembly)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (overhead <= TimeSpan.Zero)
            {
                continue;
            }
            var share = overhead / assemblies.Count;
            foreach (var assembly in assemblies.Order(StringComparer.Ordinal))
            {
                yield return new KeyValuePair<string, TimeSpan>(assembly, share);
            }
        }
    }

    private static void Fold<TKey>(Dictionary<TKey, (TimeSpan Duration, int Samples)> entries, IEnumerable<KeyValuePair<TKey, TimeSpan>> samples)
        where TKey : notnull
    {
        foreach (var (key, duration) in samples)
        {
            entries[key] = entries.TryGetValue(key, out var previous)
                ? (TimeSpan.FromMilliseconds((Alpha * duration.TotalMilliseconds) + ((1 - Alpha) * previous.Duration.TotalMilliseconds)), previous.Samples + 1)
                : (duration, 1);
        }
    }

    private static double Milliseconds(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 3);

    private static (StoredTimings Stored, string? Warning) LoadEntries(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var entries = new Dictionary<TestKey, (TimeSpan, int)>();
        var startUps = new Dictionary<string, (TimeSpan, int)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return (new StoredTimings(entries, startUps), null);
        }
        try
        {
            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize(stream, ReportingJsonContext.Default.TimingFile);
            if (file is null || file.Version != Version || file.Tests is null)
            {
                return (new StoredTimings(entries, startUps), $"Timings file '{path}' has an unknown format (expected version {Version}); it is ignored and will be replaced.");
            }
            foreach (var entry in file.Tests)
            {
                if (entry is null || string.IsNullOrEmpty(entry.Name) || entry.Milliseconds < 0 || double.IsNaN(entry.Milliseconds))
                {
                    continue;
                }
                entries[new TestKey(entry.Assembly ?? string.Empty, entry.Name)] = (TimeSpan.FromMilliseconds(entry.Milliseconds), Math.Max(1, entry.Samples));
            }
            foreach (var entry in file.StartUps ?? [])
            {
                if (entry is null || string.IsNullOrEmpty(entry.Assembly) || entry.Milliseconds < 0 || double.IsNaN(entry.Milliseconds))
                {
                    continue;
                }
                startUps[entry.Assembly] = (TimeSpan.FromMilliseconds(entry.Milliseconds), Math.Max(1, entry.Samples));
            }
            return (new StoredTimings(entries, startUps), null);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException or OverflowException or ArgumentException)
        {
            return (new StoredTimings([], new Dictionary<string, (TimeSpan, int)>(StringComparer.Ordinal)), $"Timings file '{path}' is unreadable ({exception.Message}); it is ignored and will be replaced. Units are balanced on estimated durations this time.");
        }
    }

    private sealed record StoredTimings(Dictionary<TestKey, (TimeSpan Duration, int Samples)> Tests, Dictionary<string, (TimeSpan Duration, int Samples)> StartUps);

    private static string? Combine(string? first, string second) => first is null ? second : first + " " + second;
}
