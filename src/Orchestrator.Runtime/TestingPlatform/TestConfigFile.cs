using System.Text.Json;

namespace Orchestrator.TestingPlatform;

/// <summary>
/// The <c>&lt;application&gt;.testconfig.json</c> a Microsoft.Testing.Platform application reads beside it (the build copies a
/// project's <c>testconfig.json</c> there). The orchestrator leaves it alone; it only finds the settings it overrides on
/// the command line, so that the run can name them.
/// </summary>
internal static class TestConfigFile
{
    /// <summary>Settings the orchestrator passes every unit on the command line, which win over the file's.</summary>
    private static readonly (string Section, string Key, string Option)[] Overridden =
    [
        ("platformOptions", "resultDirectory", "--results-directory"),
    ];

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Where <paramref name="applicationPath"/> (its <c>.dll</c>) looks for its configuration.</summary>
    public static string PathOf(string applicationPath) =>
        Path.Combine(Path.GetDirectoryName(applicationPath) ?? ".", Path.GetFileNameWithoutExtension(applicationPath) + ".testconfig.json");

    /// <summary>
    /// The settings of the application's file that the orchestrator overrides (<c>platformOptions.resultDirectory</c>),
    /// each with the option that overrides it; none when there is no file. An unreadable file is the application's to
    /// report when it starts.
    /// </summary>
    public static IReadOnlyList<(string Setting, string Option)> OverriddenSettings(string applicationPath)
    {
        var path = PathOf(applicationPath);
        if (!File.Exists(path))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
            var found = new List<(string, string)>();
            foreach (var (section, key, option) in Overridden)
            {
                // The platform's configuration keys are case-insensitive.
                if (Property(document.RootElement, section) is { } element && Property(element, key) is not null)
                {
                    found.Add(($"{section}.{key}", option));
                }
            }
            return found;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Where(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)).Select(property => (JsonElement?)property.Value).FirstOrDefault()
            : null;
}
