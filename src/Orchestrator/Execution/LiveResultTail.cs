using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Execution;

/// <summary>
/// Follows the JSON Lines file the orchestrator's logger writes while a unit runs
/// (<c>runStarted</c>, <c>result</c>, <c>runComplete</c>). Tolerant: the file may not exist yet,
/// the last line may be half written (kept until its newline arrives), unknown or broken lines are skipped.
/// </summary>
public sealed class LiveResultTail
{
    private readonly string _path;
    private readonly StringBuilder _partial = new();
    private long _position;

    public LiveResultTail(string path) => _path = path;

    public bool RunStarted { get; private set; }

    public bool RunCompleted { get; private set; }

    /// <summary>True when the logger reported the run as aborted (host crash, hang).</summary>
    public bool Aborted { get; private set; }

    /// <summary>The error the logger reported with <c>runComplete</c>, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Lines that were complete but not understood.</summary>
    public int SkippedLines { get; private set; }

    /// <summary>Reads whatever complete lines were appended since the last call and returns their results.</summary>
    public IReadOnlyList<LiveTestResult> ReadAvailable()
    {
        var text = ReadAppendedText();
        if (text.Length == 0)
        {
            return [];
        }
        _partial.Append(text);
        var buffered = _partial.ToString();
        var lastNewline = buffered.LastIndexOf('\n');
        if (lastNewline < 0)
        {
            return [];
        }
        _partial.Clear().Append(buffered, lastNewline + 1, buffered.Length - lastNewline - 1);
        var results = new List<LiveTestResult>();
        foreach (var line in buffered[..lastNewline].Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                Accept(line.TrimEnd('\r'), results);
            }
        }
        return results;
    }

    private string ReadAppendedText()
    {
        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length <= _position)
            {
                return string.Empty;
            }
            stream.Seek(_position, SeekOrigin.Begin);
            var bytes = new byte[stream.Length - _position];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            // Only hand complete UTF-8 sequences to the decoder; a split character waits for the next read.
            var complete = CompleteUtf8Length(bytes.AsSpan(0, read));
            _position += complete;
            return Encoding.UTF8.GetString(bytes, 0, complete);
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
        catch (DirectoryNotFoundException)
        {
            return string.Empty;
        }
    }

    private static int CompleteUtf8Length(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }
        return bytes.Length;
    }

    private void Accept(string line, List<LiveTestResult> results)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            switch (String(root, "kind"))
            {
                case "runStarted":
                    RunStarted = true;
                    break;
                case "runComplete":
                    RunCompleted = true;
                    Aborted = root.TryGetProperty("aborted", out var aborted) && aborted.ValueKind == JsonValueKind.True;
                    Error = String(root, "error");
                    break;
                case "result":
                    results.Add(ToResult(root));
                    break;
                default:
                    SkippedLines++;
                    break;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            SkippedLines++;
        }
    }

    private static LiveTestResult ToResult(JsonElement root)
    {
        var fullyQualifiedName = String(root, "fullyQualifiedName") ?? throw new FormatException("A result line has no fullyQualifiedName.");
        var duration = root.TryGetProperty("durationMs", out var ms) && ms.ValueKind == JsonValueKind.Number
            ? TimeSpan.FromMilliseconds(ms.GetDouble())
            : TimeSpan.Zero;
        return new LiveTestResult(
            fullyQualifiedName,
            String(root, "displayName") ?? fullyQualifiedName,
            String(root, "source") ?? string.Empty,
            ParseOutcome(String(root, "outcome")),
            duration,
            String(root, "errorMessage"))
        {
            Id = Guid.TryParse(String(root, "id"), out var id) ? id : null,
        };
    }

    internal static TestResultOutcome ParseOutcome(string? outcome) => outcome?.ToLower(CultureInfo.InvariantCulture) switch
    {
        "passed" => TestResultOutcome.Passed,
        "failed" => TestResultOutcome.Failed,
        "skipped" => TestResultOutcome.Skipped,
        "notfound" => TestResultOutcome.NotFound,
        _ => TestResultOutcome.None,
    };

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
