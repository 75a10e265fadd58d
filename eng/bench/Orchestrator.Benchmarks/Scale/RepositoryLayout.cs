namespace Orchestrator.Benchmarks.Scale;

/// <summary>Where the repository and its built tool live (the scale benchmark drives the built CLI, as a user would).</summary>
internal sealed record RepositoryLayout(string Root)
{
    public string Cli => Path.Combine(Root, "artifacts", "bin", "Orchestrator.Cli", "release", "Orchestrator.Cli.dll");

    public string ManifestTask => Path.Combine(Root, "artifacts", "bin", "Orchestrator.MSBuild", "release", "Orchestrator.MSBuild.dll");

    public string ManifestProps => Path.Combine(Root, "src", "Orchestrator.MSBuild", "build", "Orchestrator.MSBuild.props");

    public string ManifestTargets => Path.Combine(Root, "src", "Orchestrator.MSBuild", "build", "Orchestrator.MSBuild.targets");

    public string PackageVersions => Path.Combine(Root, "Directory.Packages.props");

    public string ImageContext(string resource) => Path.Combine(Root, "eng", "images", resource);

    public string BenchDirectory => Path.Combine(Root, "artifacts", "bench", "scale");

    /// <summary>The repository above the current directory (or above this program), checked to hold the built tool.</summary>
    public static RepositoryLayout Find()
    {
        var root = Above(Directory.GetCurrentDirectory()) ?? Above(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Orchestrator.sln not found above the current directory: run the benchmark from the repository.");
        var layout = new RepositoryLayout(root);
        foreach (var built in new[] { layout.Cli, layout.ManifestTask })
        {
            if (!File.Exists(built))
            {
                throw new InvalidOperationException($"{built} does not exist: build first with 'dotnet build Orchestrator.sln -c Release'.");
            }
        }
        return layout;
    }

    private static string? Above(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
