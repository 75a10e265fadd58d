using System.Text.Json;

namespace Orchestrator.Execution;

/// <summary>Where a VSTest command (<c>dotnet test &lt;dll&gt;</c>) must run so that the repository's <c>global.json</c> cannot switch it to another test platform.</summary>
internal static class VsTestDirectory
{
    /// <summary>
    /// Null when the <c>global.json</c> that governs <paramref name="startDirectory"/> keeps <c>dotnet test</c> on VSTest (the
    /// command runs where it always did); else <paramref name="workDirectory"/>, given a copy of that file without its test runner.
    /// </summary>
    public static string? Override(string startDirectory, string workDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var file = Path.Combine(directory.FullName, "global.json");
            if (!File.Exists(file))
            {
                continue;
            }
            string? copy;
            try
            {
                copy = GlobalJsonRunner.WithoutTestingPlatformRunner(File.ReadAllText(file));
            }
            catch (JsonException)
            {
                // dotnet reports a broken global.json itself, naming it.
                return null;
            }
            if (copy is null)
            {
                return null;
            }
            Directory.CreateDirectory(workDirectory);
            File.WriteAllText(Path.Combine(workDirectory, "global.json"), copy);
            return workDirectory;
        }
        return null;
    }
}
