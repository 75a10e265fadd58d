using System.Text.Json;

namespace Orchestrator.Execution;

/// <summary>
/// Follows the progress files the orchestrator's in-process collector writes in a unit's directory (one per test
/// host: <c>progress.&lt;pid&gt;.jsonl</c>) and knows which test cases are running and since when, by the
/// orchestrator's clock (when it first saw the start), so a skewed or slow host clock cannot fake a hang.
/// </summary>
internal sealed class TestProgress
{
    private readonly string _directory;
    private readonly Dictionary<string, AppendedLines> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<(string File, string Id), RunningTest> _running = [];
    private readonly TimeProvider _time;
    private long _sequence;

    public TestProgress(string directory, TimeProvider? time = null)
    {
        _directory = directory;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The test a host reported starting last without an end, if any: what a crashed host was running, as far as
    /// its adapter told (xunit reports through a message queue, so a host that dies at once may not have told yet).
    /// </summary>
    public RunningTest? LastUnfinished => _running.Values.MaxBy(test => test.Sequence);

    /// <summary>Reads what the hosts appended and returns the longest-running unfinished test, if any.</summary>
    public RunningTest? Poll()
    {
        if (!Directory.Exists(_directory))
        {
            return null;
        }
        foreach (var file in Directory.EnumerateFiles(_directory, "progress.*.jsonl"))
        {
            if (!_files.TryGetValue(file, out var lines))
            {
                lines = new AppendedLines(file);
                _files.Add(file, lines);
            }
            foreach (var line in lines.Read())
            {
                Accept(file, line);
            }
        }
        return _running.Values.MinBy(test => test.Since);
    }

    private void Accept(string file, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var kind = String(root, "kind");
            var id = String(root, "id");
            if (id is null)
            {
                return;
            }
            if (kind == "testStarted")
            {
                var name = String(root, "fullyQualifiedName") ?? id;
                var display = String(root, "displayName") ?? name;
                _running[(file, id)] = new RunningTest(name, display, _time.GetUtcNow()) { Sequence = ++_sequence };
            }
            else if (kind == "testEnded")
            {
                _running.Remove((file, id));
            }
        }
        catch (JsonException)
        {
            // A line the collector did not finish (the host was killed mid-write): nothing to learn from it.
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
