using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Orchestrator.Configuration;
using Orchestrator.Repository;

namespace Orchestrator.Adoption;

/// <summary>The connection strings of the repository's <c>appsettings*.json</c> files, as configuration keys (<c>ConnectionStrings:Redis</c>).</summary>
internal static class AppSettingsScanner
{
    private static readonly JsonDocumentOptions _document = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static ImmutableArray<FoundValue> Scan(string rootDirectory, ICollection<string> notes)
    {
        var values = ImmutableArray.CreateBuilder<FoundValue>();
        foreach (var path in RepositoryFiles.Find(rootDirectory, IsAppSettings))
        {
            var file = Path.GetRelativePath(rootDirectory, path).Replace('\\', '/');
            try
            {
                var bytes = File.ReadAllBytes(path);
                var utf8 = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
                using var document = JsonDocument.Parse(utf8, _document);
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("ConnectionStrings", out var connections)
                    || connections.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                var lines = JsonLineMap.Build(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                var section = JsonPath.Property(JsonPath.Root, "ConnectionStrings");
                foreach (var connection in connections.EnumerateObject().Where(connection => connection.Value.ValueKind == JsonValueKind.String))
                {
                    var line = lines.LineOf(JsonPath.Property(section, connection.Name)) ?? 0;
                    values.Add(new FoundValue("ConnectionStrings:" + connection.Name, connection.Value.GetString()!, file, line));
                }
            }
            catch (Exception unreadable) when (unreadable is JsonException or IOException or UnauthorizedAccessException)
            {
                notes.Add($"{file} could not be read as JSON ({unreadable.Message}); init took no connection string from it.");
            }
        }
        return values.ToImmutable();
    }

    private static bool IsAppSettings(string name) =>
        name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
