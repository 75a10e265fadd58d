using System.Text.Json;
using Orchestrator.Model;
using Orchestrator.Results.Trx;

namespace Orchestrator.Reporting;

/// <summary>
/// The timings file the planner balances units with: per test an exponentially smoothed duration
/// (the newest run weighs <see cref="Alpha"/>) and its sample count. Written atomically; a missing file
/// is an empty history, a corrupt or unreadable one is reported as a warning and ignored, never fatal.
/// </summary>
public static class TimingStore
{
    /// <summary>
    /// Weight of the newest sample: recent enough to follow a test that got slower within a few runs,
    /// smooth enough that one slow run on a noisy machine does not reshuffle the plan.
    /// </summary>
    public const double Alpha = 0.3;

    private const int Version = 1;

    public static (IReadOnlyDictionary<TestKey, TimeSpan> History, string? Warning) Load(string path)
    {
        var (entries, warning) = LoadEntries(path);
        return (entries.ToDictionary(pair => pair.Key, pair => pair.Value.Duration), warning);
    }

    /// <summary>Folds one sample per test into the history (in order) and writes the file atomically.</summary>
    /// <returns>A warning when the previous file was unreadable and was replaced, or the new one could not be written; otherwise null.</returns>
    public static async Task<string?> UpdateAsync(string path, IEnumerable<KeyValuePair<TestKey, TimeSpan>> samples, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var (entries, warning) = LoadEntries(path);
        foreach (var (key, duration) in samples)
        {
            entries[key] = entries.TryGetValue(key, out var previous)
                ? (TimeSpan.FromMilliseconds((Alpha * duration.TotalMilliseconds) + ((1 - Alpha) * previous.Duration.TotalMilliseconds)), previous.Samples + 1)
                : (duration, 1);
        }
        var file = new TimingFile(
            Version,
            Alpha,
            [.. entries.OrderBy(pair => pair.Key, TestKey.Ordinal)
                .Select(pair => new TimingEntry(pair.Key.Assembly, pair.Key.FullyQualifiedName, Math.Round(pair.Value.Duration.TotalMilliseconds, 3), pair.Value.Samples))]);
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

    /// <summary>Folds a merged run into the history: one sample per test and unit process (theory rows summed), skipped results left out.</summary>
    public static Task<string?> UpdateAsync(string path, MergedRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        return UpdateAsync(path, Samples(run), ct);
    }

    internal static IEnumerable<KeyValuePair<TestKey, TimeSpan>> Samples(MergedRun run) =>
        run.Tests
            .SelectMany(test => test.Attempts)
            .Where(attempt => !attempt.Result.Outcome.IsSkipped())
            .GroupBy(attempt => (attempt.Result.Key, attempt.Unit))
            .OrderBy(group => group.Key.Unit.StartedAt)
            .Select(group => new KeyValuePair<TestKey, TimeSpan>(group.Key.Key, group.Aggregate(TimeSpan.Zero, (sum, attempt) => sum + attempt.Result.Duration)));

    private static (Dictionary<TestKey, (TimeSpan Duration, int Samples)> Entries, string? Warning) LoadEntries(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var entries = new Dictionary<TestKey, (TimeSpan, int)>();
        if (!File.Exists(path))
        {
            return (entries, null);
        }
        try
        {
            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize(stream, ReportingJsonContext.Default.TimingFile);
            if (file is null || file.Version != Version || file.Tests is null)
            {
                return (entries, $"Timings file '{path}' has an unknown format (expected version {Version}); it is ignored and will be replaced.");
            }
            foreach (var entry in file.Tests)
            {
                if (entry is null || string.IsNullOrEmpty(entry.Name) || entry.Milliseconds < 0 || double.IsNaN(entry.Milliseconds))
                {
                    continue;
                }
                entries[new TestKey(entry.Assembly ?? string.Empty, entry.Name)] = (TimeSpan.FromMilliseconds(entry.Milliseconds), Math.Max(1, entry.Samples));
            }
            return (entries, null);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException or OverflowException or ArgumentException)
        {
            return (new Dictionary<TestKey, (TimeSpan, int)>(), $"Timings file '{path}' is unreadable ({exception.Message}); it is ignored and will be replaced. Units are balanced on estimated durations this time.");
        }
    }

    private static string? Combine(string? first, string second) => first is null ? second : first + " " + second;
}
