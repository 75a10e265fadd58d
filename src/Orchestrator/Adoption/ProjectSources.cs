using Orchestrator.Repository;

namespace Orchestrator.Adoption;

/// <summary>The C# files of a project directory with their text; a file that cannot be read is passed over.</summary>
internal static class ProjectSources
{
    public static IEnumerable<(string Path, string Text)> Read(string projectDirectory)
    {
        foreach (var path in RepositoryFiles.Find(projectDirectory, name => name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception skipped) when (skipped is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            yield return (path, text);
        }
    }
}
