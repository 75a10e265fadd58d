namespace Orchestrator.TestLogger;

/// <summary>What the logger writes and where: <c>--logger:"orchestrator;mode=discover;path=/abs/file.jsonl"</c>.</summary>
internal sealed record LoggerParameters(LoggerMode Mode, string Path)
{
    public const string ModeKey = "mode";
    public const string PathKey = "path";

    /// <summary>The path percent-encoded: VSTest splits the parameters at every ';', so a path holding one comes this way.</summary>
    public const string EscapedPathKey = "escapedPath";

    public static LoggerParameters Parse(IReadOnlyDictionary<string, string?> parameters)
    {
        string? Find(string key) => parameters
            .FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

        var path = Find(EscapedPathKey) is { Length: > 0 } escaped ? Uri.UnescapeDataString(escaped) : Find(PathKey);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException(
                $"The orchestrator logger needs an output file: --logger:\"orchestrator;mode=discover;path=/absolute/file.jsonl\".");
        }

        var mode = Find(ModeKey);
        var parsedMode = mode?.Trim().ToUpperInvariant() switch
        {
            "DISCOVER" => LoggerMode.Discover,
            "RUN" or null or "" => LoggerMode.Run,
            _ => throw new ArgumentException($"Unknown orchestrator logger mode '{mode}': use mode=discover or mode=run."),
        };

        return new LoggerParameters(parsedMode, System.IO.Path.GetFullPath(path));
    }
}
