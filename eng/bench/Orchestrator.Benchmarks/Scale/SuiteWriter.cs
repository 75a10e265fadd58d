using System.Text;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// Writes a generated suite as a workspace: Directory.Build.*, central package versions, a solution,
/// 20 test projects and orchestrator.json. A file whose content is unchanged is not rewritten, so
/// rebuilding an unchanged workspace is incremental; generated files that are no longer part of the
/// suite are deleted.
/// </summary>
internal static class SuiteWriter
{
    public static ScaleWorkspace Write(GeneratedSuite suite, string root, RepositoryLayout repository, int slots)
    {
        Directory.CreateDirectory(root);
        WriteIfChanged(Path.Combine(root, ".editorconfig"), WorkspaceTemplates.EditorConfig());
        WriteIfChanged(Path.Combine(root, "Directory.Build.props"), WorkspaceTemplates.BuildProps(repository));
        WriteIfChanged(Path.Combine(root, "Directory.Build.targets"), WorkspaceTemplates.BuildTargets(repository));
        WriteIfChanged(Path.Combine(root, "Directory.Packages.props"), WorkspaceTemplates.PackageVersions(repository));
        WriteIfChanged(Path.Combine(root, ScaleWorkspace.SolutionName), WorkspaceTemplates.Solution(suite));
        WriteIfChanged(Path.Combine(root, "orchestrator.json"), WorkspaceTemplates.Configuration(repository, slots));

        var projectsDirectory = Path.Combine(root, "tests");
        var expectedProjects = suite.Projects.Select(project => project.Name).ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(projectsDirectory))
        {
            foreach (var stale in Directory.EnumerateDirectories(projectsDirectory).Where(directory => !expectedProjects.Contains(Path.GetFileName(directory))))
            {
                Directory.Delete(stale, recursive: true);
            }
        }
        foreach (var project in suite.Projects)
        {
            var directory = Path.Combine(projectsDirectory, project.Name);
            Directory.CreateDirectory(directory);
            var files = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [project.Name + ".csproj"] = WorkspaceTemplates.ProjectFile(),
                ["AssemblyInfo.cs"] = WorkspaceTemplates.AssemblyInfo(),
                ["SimulatedIo.cs"] = WorkspaceTemplates.SimulatedIo(project.Name),
            };
            foreach (var testClass in project.Classes)
            {
                files[testClass.Name + ".cs"] = WorkspaceTemplates.TestClass(project.Name, testClass);
            }
            foreach (var stale in Directory.EnumerateFiles(directory, "*.cs").Where(path => !files.ContainsKey(Path.GetFileName(path))))
            {
                File.Delete(stale);
            }
            foreach (var (name, content) in files)
            {
                WriteIfChanged(Path.Combine(directory, name), content);
            }
        }
        return new ScaleWorkspace(root, suite);
    }

    private static void WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && string.Equals(File.ReadAllText(path, Encoding.UTF8), content, StringComparison.Ordinal))
        {
            return;
        }
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
