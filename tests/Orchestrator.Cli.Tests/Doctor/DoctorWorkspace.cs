using System.Text.Json.Nodes;
using Orchestrator.Configuration;
using Orchestrator.Pipeline;

namespace Orchestrator.Cli.Tests.Doctor;

/// <summary>A temporary repository root with an <c>orchestrator.json</c>, removed on dispose.</summary>
internal sealed class DoctorWorkspace : IDisposable
{
    private DoctorWorkspace(string root) => Root = root;

    public string Root { get; }

    public string ConfigurationPath => Path.Combine(Root, "orchestrator.json");

    public string ManifestDirectory => Path.Combine(Root, Workspace.ManifestDirectoryName);

    /// <summary>A workspace whose configuration has <paramref name="resources"/> (name → definition).</summary>
    public static DoctorWorkspace Create(JsonObject? resources = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "orchestrator-doctor-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var configuration = new JsonObject
        {
            ["layers"] = new JsonArray("unit", "integration"),
            ["defaultLayer"] = "unit",
            ["cadences"] = new JsonObject
            {
                ["pr"] = new JsonObject { ["layers"] = new JsonArray("unit", "integration"), ["resources"] = new JsonArray([.. (resources ?? []).Select(pair => (JsonNode?)pair.Key)]), ["retries"] = 0 },
            },
            ["resources"] = resources ?? new JsonObject(),
        };
        File.WriteAllText(Path.Combine(root, "orchestrator.json"), configuration.ToJsonString());
        return new DoctorWorkspace(root);
    }

    public Workspace Load() => Workspace.For(ConfigurationLoader.Load(ConfigurationPath));

    /// <summary>Writes a manifest as the build would for project <paramref name="name"/>.</summary>
    public void WriteManifest(string name, string runner)
    {
        Directory.CreateDirectory(ManifestDirectory);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 1,
            ["projectPath"] = Path.Combine(Root, name, name + ".csproj"),
            ["projectName"] = name,
            ["targetFramework"] = "net10.0",
            ["targetPath"] = Path.Combine(Root, name, "bin", name + ".dll"),
            ["configuration"] = "Release",
            ["runner"] = runner,
        };
        File.WriteAllText(Path.Combine(ManifestDirectory, name + ".json"), manifest.ToJsonString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}
