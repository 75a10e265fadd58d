namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>The repository these tests were built from, and the tool it built.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName
            ?? throw new InvalidOperationException($"Directory.Packages.props not found above {AppContext.BaseDirectory}: run the tests from the repository build output.");
    }

    /// <summary>artifacts/bin/Orchestrator.Cli.Tests/&lt;configuration&gt;/ → artifacts/bin/Orchestrator.Cli/&lt;configuration&gt;/Orchestrator.Cli.dll.</summary>
    public static string Tool()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(testOutput.Parent!.Parent!.FullName, "Orchestrator.Cli", testOutput.Name, "Orchestrator.Cli.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The orchestrator tool is not built at '{path}': build src/Orchestrator.Cli with the same configuration as the tests.", path);
    }
}
