using System.Collections.Immutable;
using System.Text.Json;

namespace Orchestrator.Discovery;

/// <summary>
/// Whether this machine has the shared frameworks a test project's host needs: its <c>.runtimeconfig.json</c>
/// against the versions under the .NET installation the orchestrator itself runs on (the one <c>dotnet test</c>
/// uses), with <c>DOTNET_ROLL_FORWARD</c> from the configuration's <c>testEnvironment</c> as the host gets it.
/// </summary>
public static class TestHostRuntime
{
    private const string RollForwardVariable = "DOTNET_ROLL_FORWARD";

    private static readonly Lazy<IReadOnlyDictionary<string, ImmutableArray<Version>>> Installed = new(ReadInstalled);

    /// <summary>The problem with the project's runtime, with the fix; null when its host can start here or its needs are unknown.</summary>
    public static MissingRuntime? Check(TestProjectManifest manifest, IReadOnlyDictionary<string, string> testEnvironment)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(testEnvironment);
        var requirement = ReadRequirement(manifest.TargetPath);
        if (requirement is null || Installed.Value.Count == 0)
        {
            return null;
        }
        var environmentRollForward = testEnvironment.GetValueOrDefault(RollForwardVariable) ?? Environment.GetEnvironmentVariable(RollForwardVariable);
        var missing = requirement.Missing(Installed.Value, environmentRollForward);
        if (missing.Count == 0)
        {
            return null;
        }
        var needed = missing[0].Version;
        return new MissingRuntime(
            $"Test project '{manifest.ProjectName}' ({manifest.TargetFramework}) needs {string.Join("; ", missing.Select(framework => framework.Description))}, so its test host cannot start on this machine.",
            $"Install the .NET {needed.Major}.{needed.Minor} runtime (https://dot.net), or let it run on a newer one with \"testEnvironment\": {{ \"{RollForwardVariable}\": \"Major\" }} in orchestrator.json.");
    }

    internal static RuntimeRequirement? ReadRequirement(string assemblyPath)
    {
        var path = Path.ChangeExtension(assemblyPath, ".runtimeconfig.json");
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("runtimeOptions", out var options))
            {
                return null;
            }
            var frameworks = new List<(string, Version)>();
            if (options.TryGetProperty("framework", out var single))
            {
                AddFramework(single, frameworks);
            }
            if (options.TryGetProperty("frameworks", out var several) && several.ValueKind == JsonValueKind.Array)
            {
                foreach (var framework in several.EnumerateArray())
                {
                    AddFramework(framework, frameworks);
                }
            }
            var rollForward = options.TryGetProperty("rollForward", out var policy) && policy.ValueKind == JsonValueKind.String ? policy.GetString() : null;
            return frameworks.Count == 0 ? null : new RuntimeRequirement([.. frameworks], rollForward);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            // A file the host cannot read either fails the host with its own message; nothing to add here.
            return null;
        }
    }

    internal static IReadOnlyDictionary<string, ImmutableArray<Version>> ReadInstalled(string sharedDirectory)
    {
        if (!Directory.Exists(sharedDirectory))
        {
            return ImmutableDictionary<string, ImmutableArray<Version>>.Empty;
        }
        return Directory.EnumerateDirectories(sharedDirectory).ToImmutableDictionary(
            framework => Path.GetFileName(framework),
            framework => Directory.EnumerateDirectories(framework)
                .Select(Path.GetFileName)
                .Select(name => ParseVersion(name!))
                .OfType<Version>()
                .ToImmutableArray(),
            StringComparer.Ordinal);
    }

    private static IReadOnlyDictionary<string, ImmutableArray<Version>> ReadInstalled()
    {
        // .../shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll is where the running runtime lives.
        var coreLibrary = typeof(object).Assembly.Location;
        var shared = string.IsNullOrEmpty(coreLibrary) ? null : Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(coreLibrary)));
        return shared is null ? ImmutableDictionary<string, ImmutableArray<Version>>.Empty : ReadInstalled(shared);
    }

    private static void AddFramework(JsonElement framework, List<(string, Version)> frameworks)
    {
        if (framework.ValueKind == JsonValueKind.Object
            && framework.TryGetProperty("name", out var name) && name.GetString() is { } frameworkName
            && framework.TryGetProperty("version", out var version) && ParseVersion(version.GetString() ?? "") is { } frameworkVersion)
        {
            frameworks.Add((frameworkName, frameworkVersion));
        }
    }

    private static Version? ParseVersion(string text)
    {
        var release = text.Split('-', 2)[0];
        return Version.TryParse(release, out var version) ? version : null;
    }
}
