using Orchestrator.Configuration;
using Orchestrator.Discovery;

namespace Orchestrator.Pipeline;

/// <summary>
/// Where a repository's orchestrator files live. Relative paths are taken from the directory of the
/// configuration file (the repository root), so the tool behaves the same from any working directory.
/// </summary>
public sealed record Workspace(OrchestratorConfiguration Configuration, string Root)
{
    public const string ManifestDirectoryName = "artifacts/orchestrator/manifests";
    public const string ResultsDirectoryName = "artifacts/test-results";
    public const string StateDirectoryName = ".orchestrator";

    /// <summary>Manifests written by the build (Orchestrator.MSBuild).</summary>
    public string ManifestDirectory => Path.Combine(Root, ManifestDirectoryName);

    /// <summary>State kept between runs: discovery cache, timings, the work directories of running runs.</summary>
    public string StateDirectory => Path.Combine(Root, StateDirectoryName);

    /// <summary>Discovery results per assembly content hash; kept across builds and runs.</summary>
    public string DiscoveryCacheDirectory => Path.Combine(Root, StateDirectoryName, "cache", "discovery");

    /// <summary>Passes recorded by the result cache, unless the configuration's <c>cache.directory</c> puts them elsewhere.</summary>
    public string ResultCacheDirectory => Path.Combine(Root, StateDirectoryName, "cache", "results");

    /// <summary>Smoothed per-test durations that balance the next plan; kept across runs.</summary>
    public string TimingsPath => Path.Combine(Root, StateDirectoryName, "timings.json");

    /// <summary>The orchestrator's VSTest logger ships beside the tool.</summary>
    public static string LoggerDirectory => AppContext.BaseDirectory;

    public string Resolve(string path) => Path.GetFullPath(path, Root);

    /// <summary>Discovery of the workspace's built test projects, through its discovery cache.</summary>
    internal DiscoveryRequest Discovery() => new()
    {
        Configuration = Configuration,
        ManifestDirectory = ManifestDirectory,
        LoggerDirectory = LoggerDirectory,
        CacheDirectory = DiscoveryCacheDirectory,
    };

    public static Workspace For(OrchestratorConfiguration configuration) =>
        new(configuration, Path.GetDirectoryName(configuration.SourcePath) is { Length: > 0 } directory
            ? Path.GetFullPath(directory)
            : Directory.GetCurrentDirectory());
}
