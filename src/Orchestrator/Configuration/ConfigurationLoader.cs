using System.Text;
using System.Text.Json;

namespace Orchestrator.Configuration;

/// <summary>
/// Reads <c>orchestrator.json</c>: applies defaults, validates strictly and reports every problem at
/// once (JSON path, line, how to fix) as a <see cref="ConfigurationException"/>, before anything starts.
/// </summary>
public static class ConfigurationLoader
{
    public const string FileName = "orchestrator.json";

    private static readonly JsonDocumentOptions _documentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    public static OrchestratorConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ConfigurationException(fullPath, [new ConfigurationError(
                JsonPath.Root,
                null,
                "The configuration file does not exist.",
                $"Create {FileName} at the repository root (a file with just {{}} works) or pass the path of an existing one.")]);
        }
        return Parse(File.ReadAllText(fullPath), fullPath);
    }

    /// <summary>Validates <paramref name="json"/>; <paramref name="sourcePath"/> names the file in messages and anchors relative paths.</summary>
    public static OrchestratorConfiguration Parse(string json, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var utf8 = Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF'));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, _documentOptions);
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            throw new ConfigurationException(sourcePath, [new ConfigurationError(
                exception.Path ?? JsonPath.Root,
                line,
                $"Not valid JSON: {FirstSentence(exception.Message)}",
                "Check the brackets, quotes and commas around that line.")]);
        }

        using (document)
        {
            var lines = LinesOf(utf8);
            var reader = new JsonObjectReader(lines);
            foreach (var (path, _) in lines.Duplicates)
            {
                reader.Error(path, "This key appears twice in the same object; only one value can apply.", "Remove one of them.");
            }
            var configuration = new ConfigurationReader(reader).Read(document.RootElement, sourcePath);
            if (reader.Errors.Count > 0)
            {
                var ordered = reader.Errors.OrderBy(error => error.Line ?? 0).ThenBy(error => error.Path, StringComparer.Ordinal).ToList();
                throw new ConfigurationException(sourcePath, ordered);
            }
            return configuration;
        }
    }

    /// <summary>The line of every key and element of a configuration text (valid JSON), by JSON path.</summary>
    internal static JsonLineMap LinesOf(string json) => LinesOf(Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF')));

    private static JsonLineMap LinesOf(byte[] utf8) => JsonLineMap.Build(utf8, new JsonReaderOptions
    {
        CommentHandling = _documentOptions.CommentHandling,
        AllowTrailingCommas = _documentOptions.AllowTrailingCommas,
        MaxDepth = _documentOptions.MaxDepth,
    });

    /// <summary>
    /// Looks for <c>orchestrator.json</c> in <paramref name="startDirectory"/> and its parents; the
    /// nearest one's full path, or null when there is none up to the file system root.
    /// </summary>
    public static string? FindDefault(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(startDirectory);
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        cut = cut < 0 ? message.IndexOf(" LineNumber:", StringComparison.Ordinal) : cut;
        return cut < 0 ? message : message[..cut];
    }
}
