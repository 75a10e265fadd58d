using System.Text.Json;
using Orchestrator.Model;

namespace Orchestrator.Discovery;

/// <summary>Reads the manifests the Orchestrator.MSBuild task wrote into a directory.</summary>
public static class ManifestReader
{
    /// <summary>The newest schema read; every older one still is (version 1 has no settings file nor coverage collector).</summary>
    public const int SupportedSchemaVersion = 2;

    /// <summary>Every <c>*.json</c> manifest of <paramref name="directory"/>; unreadable ones become problems.</summary>
    public static (IReadOnlyList<TestProjectManifest> Manifests, IReadOnlyList<DiscoveryProblem> Problems) ReadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return ([], [new DiscoveryProblem(ProblemSeverity.Error, directory,
                $"No test project manifests in '{directory}': build first with 'orchestrator build' (or 'run --build'), which injects the manifest targets, " +
                "or with your own build when the test projects import Orchestrator.MSBuild.")]);
        }

        var manifests = new List<TestProjectManifest>();
        var problems = new List<DiscoveryProblem>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                manifests.Add(Read(path));
            }
            catch (Exception exception) when (exception is JsonException or InvalidDataException or IOException)
            {
                problems.Add(new DiscoveryProblem(ProblemSeverity.Error, path,
                    $"Cannot read test project manifest '{path}': {exception.Message} Rebuild the test project to rewrite it."));
            }
        }

        return (manifests, problems);
    }

    public static TestProjectManifest Read(string path)
    {
        var document = JsonSerializer.Deserialize(File.ReadAllBytes(path), DiscoveryJsonContext.Default.ManifestDocument)
            ?? throw new InvalidDataException("The file is empty.");
        if (document.SchemaVersion is < 1 or > SupportedSchemaVersion)
        {
            throw new InvalidDataException(
                $"Schema version {document.SchemaVersion} is not supported (expected 1 to {SupportedSchemaVersion}): use the same orchestrator version for the build and for discovery.");
        }

        string Required(string? value, string name) =>
            string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"The field '{name}' is missing.") : value;

        var projectPath = Required(document.ProjectPath, "projectPath");
        var runner = document.Runner?.Trim() switch
        {
            null or "" or "VSTest" => TestRunnerKind.VSTest,
            "MicrosoftTestingPlatform" => TestRunnerKind.MicrosoftTestingPlatform,
            var other => throw new InvalidDataException($"Unknown runner '{other}'."),
        };

        return new TestProjectManifest(
            projectPath,
            string.IsNullOrWhiteSpace(document.ProjectName) ? Path.GetFileNameWithoutExtension(projectPath) : document.ProjectName,
            Required(document.TargetFramework, "targetFramework"),
            Required(document.TargetPath, "targetPath"),
            document.Configuration ?? "",
            runner,
            string.IsNullOrWhiteSpace(document.Layer) ? null : document.Layer.Trim(),
            [.. (document.Resources ?? []).Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name.Trim())],
            Path.GetFullPath(path))
        {
            RunSettingsFilePath = string.IsNullOrWhiteSpace(document.RunSettingsFilePath) ? null : document.RunSettingsFilePath,
            CoverageCollectorDirectory = string.IsNullOrWhiteSpace(document.CoverageCollectorDirectory) ? null : document.CoverageCollectorDirectory,
        };
    }
}
