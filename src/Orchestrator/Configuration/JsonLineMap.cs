using System.Text.Json;

namespace Orchestrator.Configuration;

/// <summary>
/// Line of every key and array element of a JSON text, by JSON path, read once with
/// <see cref="Utf8JsonReader"/> (a <see cref="JsonDocument"/> keeps no positions). Also notes duplicate keys.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly List<(string Path, int Line)> _duplicates = [];

    public IReadOnlyList<(string Path, int Line)> Duplicates => _duplicates;

    public int? LineOf(string path) => _lines.TryGetValue(path, out var line) ? line : null;

    public static JsonLineMap Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(utf8, options);
        var frames = new Stack<(string Path, bool IsArray, int NextIndex)>();
        string? pendingProperty = null;
        var line = 1;
        var scanned = 0;

        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            line += utf8[scanned..start].Count((byte)'\n');
            scanned = start;

            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = JsonPath.Property(frames.Peek().Path, reader.GetString()!);
                    if (!map._lines.TryAdd(pendingProperty, line))
                    {
                        map._duplicates.Add((pendingProperty, line));
                    }
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    frames.Push((ValuePath(map, frames, ref pendingProperty, line), reader.TokenType == JsonTokenType.StartArray, 0));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    ValuePath(map, frames, ref pendingProperty, line);
                    break;
            }
        }
        return map;
    }

    private static string ValuePath(JsonLineMap map, Stack<(string Path, bool IsArray, int NextIndex)> frames, ref string? pendingProperty, int line)
    {
        if (frames.Count == 0)
        {
            map._lines.TryAdd(JsonPath.Root, line);
            return JsonPath.Root;
        }
        var parent = frames.Pop();
        string path;
        if (parent.IsArray)
        {
            path = JsonPath.Index(parent.Path, parent.NextIndex);
            map._lines.TryAdd(path, line);
            parent.NextIndex++;
        }
        else
        {
            path = pendingProperty ?? parent.Path;
            pendingProperty = null;
        }
        frames.Push(parent);
        return path;
    }
}
