using Orchestrator.Configuration;

namespace Orchestrator.Pipeline;

/// <summary>Finds and loads <c>orchestrator.json</c> for a command.</summary>
public static class ConfigurationSource
{
    /// <summary>Loads <paramref name="path"/>, or the nearest <c>orchestrator.json</c> up from the current directory.</summary>
    /// <exception cref="ConfigurationException">The file is invalid (every error, with path and line).</exception>
    /// <exception cref="UsageException">No file was given and none was found.</exception>
    public static OrchestratorConfiguration Load(string? path)
    {
        var resolved = path is not null
            ? Path.GetFullPath(path)
            : ConfigurationLoader.FindDefault(Directory.GetCurrentDirectory())
              ?? throw new UsageException(
                  $"No {ConfigurationLoader.FileName} found in {Directory.GetCurrentDirectory()} or above. " +
                  "Create one (see the README's configuration section) or pass --config <path>.");
        if (!File.Exists(resolved))
        {
            throw new UsageException($"Configuration file '{resolved}' does not exist. Check --config, or create it.");
        }
        return ConfigurationLoader.Load(resolved);
    }
}
