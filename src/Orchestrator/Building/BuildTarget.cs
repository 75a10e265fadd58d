using Orchestrator.Configuration;

namespace Orchestrator.Building;

/// <summary>The solution or project file a build builds, found from the configuration.</summary>
internal static class BuildTarget
{
    private static readonly string[] _patterns = ["*.sln", "*.slnx", "*.slnf", "*.csproj", "*.fsproj", "*.vbproj", "*.proj"];

    /// <summary>
    /// The full path of <c>build.solution</c> (relative to the configuration file), or else the one
    /// solution or project file in the configuration file's directory.
    /// </summary>
    /// <exception cref="BuildException">The file does not exist, or there is none or more than one to choose from.</exception>
    public static string Resolve(OrchestratorConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var source = configuration.SourcePath ?? "orchestrator.json";
        if (configuration.Build.Solution is { } solution)
        {
            var path = ConfigurationPaths.Resolve(configuration, solution);
            return File.Exists(path)
                ? path
                : throw new BuildException($"The solution to build, '{solution}' ({path}), does not exist. Fix \"build\": {{ \"solution\" }} in {source}: it is relative to that file.");
        }
        var directory = ConfigurationPaths.Resolve(configuration, ".");
        var candidates = _patterns
            .SelectMany(pattern => Directory.EnumerateFiles(directory, pattern))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        // dotnet build prefers a solution when a directory holds one solution and projects.
        var solutions = candidates.Where(name => Path.GetExtension(name).StartsWith(".sln", StringComparison.OrdinalIgnoreCase)).ToList();
        var choice = solutions.Count > 0 ? solutions : candidates;
        return choice.Count switch
        {
            1 => Path.Combine(directory, choice[0]),
            0 => throw new BuildException(
                $"Nothing to build: {directory} holds no solution or project file. Add \"build\": {{ \"solution\": \"path/to/App.sln\" }} to {source} (relative to it)."),
            _ => throw new BuildException(
                $"Which one to build? {directory} holds {string.Join(", ", choice)}. Add \"build\": {{ \"solution\": \"{choice[0]}\" }} to {source}."),
        };
    }
}
