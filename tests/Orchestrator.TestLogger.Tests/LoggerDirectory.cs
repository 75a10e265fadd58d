namespace Orchestrator.TestLogger.Tests;

internal static class LoggerDirectory
{
    /// <summary>A fresh directory holding only the logger, as <c>--test-adapter-path</c> wants it.</summary>
    public static string Create(string parent)
    {
        var directory = Path.Combine(parent, "logger");
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Orchestrator.TestLogger.dll"), Path.Combine(directory, "Orchestrator.TestLogger.dll"), overwrite: true);
        return directory;
    }
}
