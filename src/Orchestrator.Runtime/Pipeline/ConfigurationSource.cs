using Orchestrator.Configuration;

namespace Orchestrator.Pipeline;

/// <summary>Finds and loads <c>orchestrator.json</c> for a command.</summary>
public static class ConfigurationSource
{
    /// <summary>Loads <paramref name="path"/>, or the nearest <c>orchestrator.json</c> up from the current directory.</summary>
    /// <exception cref="ConfigurationException">The file is invalid (every error, with path and line).</exception>
    /// <exception cref="UsageException">No file was given and none was found.</exception>
    public static OrchestratorConfiguration Load(string? path) => Load(path, Directory.GetCurrentDirectory());

    /// <summary>Loads <paramref name="path"/>, or the nearest <c>orchestrator.json</c> up from <paramref name="searchFrom"/>.</summary>
    internal static OrchestratorConfiguration Load(string? path, string searchFrom)
    {
        var resolved = path is not null
            ? Path.GetFullPath(path, searchFrom)
            : ConfigurationLoader.FindDefault(searchFrom)
              ?? throw new UsageException(
                  $"No {ConfigurationLoader.FileName} found in {searchFrom} or above. " +
                  "Create one with 'orchestrator init' in the repository root, or pass --config <path>.");
        if (!File.Exists(resolved))
        {
            throw new UsageException($"Configuration file '{resolved}' does not exist. Check --config, or create it with 'orchestrator init --path {Path.GetDirectoryName(resolved)}'.");
        }
        return ConfigurationLoader.Load(resolved);
    }
}
