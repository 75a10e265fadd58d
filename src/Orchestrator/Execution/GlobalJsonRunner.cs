using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Execution;

/// <summary>
/// A repository's <c>global.json</c> can switch <c>dotnet test</c> to its Microsoft.Testing.Platform mode
/// (<c>"test": { "runner": "Microsoft.Testing.Platform" }</c>), in which <c>dotnet test &lt;dll&gt;</c> finds no VSTest
/// test at all. The orchestrator runs its VSTest commands under a copy that keeps everything else (the SDK pin above all).
/// </summary>
internal static class GlobalJsonRunner
{
    private static readonly JsonDocumentOptions _reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The content of a <c>global.json</c> equal to <paramref name="json"/> without its test runner; null when it selects none.</summary>
    /// <exception cref="JsonException">The file is not valid JSON.</exception>
    public static string? WithoutTestingPlatformRunner(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonNode.Parse(json, documentOptions: _reading) is not JsonObject root
            || root["test"] is not JsonObject test
            || test["runner"] is not JsonValue runner
            || !runner.TryGetValue<string>(out var name)
            || !string.Equals(name, "Microsoft.Testing.Platform", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        test.Remove("runner");
        if (test.Count == 0)
        {
            root.Remove("test");
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
