using System.Reflection;

namespace Orchestrator.TestLogger.Tests;

/// <summary>Values the build stamped into this assembly: task location and the repository's package versions.</summary>
internal static class BuildSettings
{
    public static string Get(string key) =>
        typeof(BuildSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The build did not stamp '{key}' into the test assembly: rebuild tests/Orchestrator.TestLogger.Tests.");

    public static string PackageVersion(string package) => Get("Version:" + package);

    public static string TasksAssembly => Get("OrchestratorTasksAssembly");

    public static string Targets => Path.GetFullPath(Get("OrchestratorTargets"));

    /// <summary>A fresh directory holding only the logger, as <c>--test-adapter-path</c> wants it.</summary>
    public static string CreateLoggerDirectory(string parent)
    {
        var directory = Path.Combine(parent, "logger");
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Orchestrator.TestLogger.dll"), Path.Combine(directory, "Orchestrator.TestLogger.dll"), overwrite: true);
        return directory;
    }
}
