using System.Collections.Immutable;
using Orchestrator.Adoption;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Model;
using Orchestrator.Pipeline;
using Orchestrator.Repository;

namespace Orchestrator.Audit;

/// <summary>
/// Gathers what the audit answers from: the configuration file's lines, the tests discovery finds (when the test
/// projects are built), the C# sources of the test projects (from the build's manifests and from the repository's
/// project files), and the settings files that could hold a secret. Paths under the repository are given relative to it.
/// </summary>
internal static class AuditFactsReader
{
    public static async Task<AuditFacts> ReadAsync(Workspace workspace, IReadOnlyList<RecentRun>? recentRuns, DateOnly today, CancellationToken ct)
    {
        var configuration = workspace.Configuration;
        var configurationPath = configuration.SourcePath ?? Path.Combine(workspace.Root, ConfigurationLoader.FileName);
        var (manifests, manifestProblems) = Directory.Exists(workspace.ManifestDirectory)
            ? ManifestReader.ReadDirectory(workspace.ManifestDirectory)
            : ([], []);
        var (inventory, missing) = await InventoryAsync(workspace, manifests.Count, manifestProblems, ct);
        var projects = ProjectDirectories(workspace, manifests);
        var sources = projects.SelectMany(directory => RepositoryFiles.Find(directory, name => name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.Ordinal).ToList();
        var waits = new List<SourceWait>();
        foreach (var source in sources)
        {
            if (Read(source) is { } text)
            {
                waits.AddRange(FixedWaitScanner.Find(Relative(workspace, source), text, ct));
            }
        }
        var settings = SettingFiles(workspace, configurationPath, projects, manifests);
        var secrets = settings.SelectMany(file => Read(file) is { } text ? ClearTextSecretScanner.Find(Relative(workspace, file), text) : []).ToImmutableArray();
        return new AuditFacts
        {
            Configuration = configuration,
            ConfigurationPath = Relative(workspace, configurationPath),
            ConfigurationLines = ConfigurationLoader.LinesOf(Read(configurationPath) ?? "{}"),
            Inventory = inventory,
            InventoryMissing = missing,
            TestProjects = [.. projects.Select(directory => Relative(workspace, directory))],
            SourceFiles = sources.Count,
            Waits = [.. waits],
            SettingFiles = [.. settings.Select(file => Relative(workspace, file))],
            Secrets = secrets,
            RecentRuns = recentRuns is null ? null : [.. recentRuns],
            Today = today,
        };
    }

    private static async Task<(TestInventory? Inventory, string? Missing)> InventoryAsync(
        Workspace workspace, int manifests, IReadOnlyList<DiscoveryProblem> problems, CancellationToken ct)
    {
        if (manifests == 0)
        {
            return (problems.Count == 0 ? null : new TestInventory([], problems),
                $"No test project manifests in {workspace.ManifestDirectory}: the test projects are not built yet, so their tests cannot be discovered.");
        }
        var inventory = await TestDiscoverer.DiscoverAsync(workspace.Discovery(), ct);
        return (inventory, inventory.Tests.Count == 0 ? "Discovery found no test in the built test projects." : null);
    }

    /// <summary>Test project directories: those the build's manifests name, and those the repository's project files declare.</summary>
    private static List<string> ProjectDirectories(Workspace workspace, IReadOnlyList<TestProjectManifest> manifests) =>
        [.. manifests.Select(manifest => Path.GetDirectoryName(manifest.ProjectPath)!)
            .Concat(TestProjectScanner.Scan(workspace.Root).Projects.Select(project => Path.GetDirectoryName(workspace.Resolve(project.RelativePath))!))
            .Select(Path.GetFullPath)
            .Where(Directory.Exists)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>orchestrator.json, the team's .runsettings, and every *.runsettings and appsettings*.json of the repository and the test projects.</summary>
    private static List<string> SettingFiles(Workspace workspace, string configurationPath, IEnumerable<string> projects, IReadOnlyList<TestProjectManifest> manifests) =>
        [.. new[] { configurationPath }
            .Concat(workspace.Configuration.TestSettings.RunSettings is { } runSettings ? [workspace.Resolve(runSettings)] : [])
            .Concat(manifests.Select(manifest => manifest.RunSettingsFilePath).OfType<string>())
            .Concat(new[] { workspace.Root }.Concat(projects).SelectMany(directory => RepositoryFiles.Find(directory, IsSettingsFile)))
            .Select(Path.GetFullPath)
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)];

    private static bool IsSettingsFile(string name) =>
        name.EndsWith(".runsettings", StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Relative(Workspace workspace, string path) =>
        RepositoryFiles.IsUnder(path, workspace.Root) ? Path.GetRelativePath(workspace.Root, path).Replace('\\', '/') : Path.GetFullPath(path);
}
