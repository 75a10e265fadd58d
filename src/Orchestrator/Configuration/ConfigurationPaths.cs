namespace Orchestrator.Configuration;

/// <summary>Paths in the configuration (solution, build contexts) are relative to the file's directory.</summary>
internal static class ConfigurationPaths
{
    /// <summary>The full path of <paramref name="path"/>, read relative to the configuration file's directory (or the current directory when it has none).</summary>
    public static string Resolve(OrchestratorConfiguration config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var baseDirectory = config.SourcePath is { } source && Path.GetDirectoryName(Path.GetFullPath(source)) is { Length: > 0 } directory
            ? directory
            : Directory.GetCurrentDirectory();
        return Path.GetFullPath(path, baseDirectory);
    }
}
