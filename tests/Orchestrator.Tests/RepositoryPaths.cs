namespace Orchestrator.Tests;

/// <summary>Files of the repository these tests were built in, for tests that check the sources against what they build.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException($"Orchestrator.sln not found above {AppContext.BaseDirectory}.");
    }
}
