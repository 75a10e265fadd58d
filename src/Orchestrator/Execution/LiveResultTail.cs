using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Execution;

/// <summary>
/// Follows the JSON Lines file the orchestrator's logger writes while a unit runs
/// (<c>runStarted</c>, <c>result</c>, <c>runComplete</c>). Tolerant: the file may not exist yet,
/// the last line may be half written (kept until its newline arrives), unknown or broken lines are skipped.
/// </summary>
internal sealed class LiveResultTail
{
    private readonly AppendedLines _lines;

    public LiveResultTail(string path) => _lines = new AppendedLines(path);

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
        var results = new List<LiveTestResult>();
        foreach (var line in _lines.Read())
        {
            Accept(line, results);
        }
        return results;
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
