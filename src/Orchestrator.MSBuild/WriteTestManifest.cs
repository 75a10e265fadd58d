using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Build.Framework;

namespace Orchestrator.MSBuild;

/// <summary>
/// Writes the orchestrator manifest of one test project and target framework: where its test
/// assembly is, which runner runs it, and the layer and resources the project declares for all
/// of its tests, the project's own <c>.runsettings</c> and where its coverlet collector is. The file is rewritten only
/// when its content changes.
/// </summary>
public sealed class WriteTestManifest : Microsoft.Build.Utilities.Task
{
    /// <summary>2 added <c>runSettingsFilePath</c> and <c>coverageCollectorDirectory</c>; readers accept 1 without them.</summary>
    public const int SchemaVersion = 2;

    [Required]
    public string ProjectPath { get; set; } = "";

    [Required]
    public string TargetFramework { get; set; } = "";

    [Required]
    public string TargetPath { get; set; } = "";

    [Required]
    public string ManifestDirectory { get; set; } = "";

    /// <summary><c>VSTest</c> or <c>MicrosoftTestingPlatform</c>.</summary>
    public string Runner { get; set; } = "VSTest";

    public string Configuration { get; set; } = "";

    public string Layer { get; set; } = "";

    public ITaskItem[] Resources { get; set; } = [];

    /// <summary>The project's <c>RunSettingsFilePath</c>, relative to the project directory or absolute; empty for none.</summary>
    public string RunSettingsFilePath { get; set; } = "";

    /// <summary>The directory of coverlet's VSTest collector when the project references <c>coverlet.collector</c>; empty otherwise.</summary>
    public string CoverageCollectorDirectory { get; set; } = "";

    [Output]
    public string ManifestPath { get; private set; } = "";

    public override bool Execute()
    {
        var projectPath = Path.GetFullPath(ProjectPath);
        var projectName = Path.GetFileNameWithoutExtension(projectPath);
        var fileName = $"{projectName}-{ShortHash(projectPath)}.{TargetFramework}.json";
        ManifestPath = Path.Combine(Path.GetFullPath(ManifestDirectory), fileName);

        var content = Serialize(projectPath, projectName);
        if (File.Exists(ManifestPath) && File.ReadAllBytes(ManifestPath).AsSpan().SequenceEqual(content))
        {
            return true;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(ManifestPath)!);
        File.WriteAllBytes(ManifestPath, content);
        Log.LogMessage(MessageImportance.Low, "Orchestrator manifest written to {0}", ManifestPath);
        return true;
    }

    private byte[] Serialize(string projectPath, string projectName)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("projectPath", projectPath);
            json.WriteString("projectName", projectName);
            json.WriteString("targetFramework", TargetFramework);
            json.WriteString("targetPath", Path.GetFullPath(TargetPath));
            json.WriteString("configuration", Configuration);
            json.WriteString("runner", string.IsNullOrWhiteSpace(Runner) ? "VSTest" : Runner.Trim());
            if (string.IsNullOrWhiteSpace(Layer))
            {
                json.WriteNull("layer");
            }
            else
            {
                json.WriteString("layer", Layer.Trim());
            }

            WritePath(json, "runSettingsFilePath", RunSettingsFilePath, projectPath);
            WritePath(json, "coverageCollectorDirectory", CoverageCollectorDirectory, projectPath);

            json.WriteStartArray("resources");
            foreach (var resource in Resources
                .Select(item => item.ItemSpec.Trim())
                .Where(name => name.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase))
            {
                json.WriteStringValue(resource);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WritePath(Utf8JsonWriter json, string name, string value, string projectPath)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectPath)!, value.Trim())));
        }
    }

    private static string ShortHash(string path)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(path));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 4));
    }
}
