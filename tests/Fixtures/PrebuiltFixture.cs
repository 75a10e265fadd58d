namespace Orchestrator.Fixtures;

/// <summary>
/// A fixture project of tests/Fixtures (or any test project of the repository, e.g. the Shop's: the same layout), built by the main build (the test project references it without
/// its assembly) into the artifacts tree beside the test project's own output:
/// artifacts/bin/&lt;test project&gt;/&lt;configuration&gt;/ → artifacts/bin/&lt;fixture&gt;/&lt;configuration&gt;/.
/// </summary>
internal static class PrebuiltFixture
{
    private static DirectoryInfo TestOutput => new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>The built test assembly of <paramref name="project"/>, used in place: only for tests that write nothing beside it.</summary>
    public static string Assembly(string project)
    {
        var path = Path.Combine(TestOutput.Parent!.Parent!.FullName, project, TestOutput.Name, project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The fixture '{project}' is not built at '{path}': build the test project (it references tests/Fixtures/{project}) with the same configuration as the tests.", path);
    }

    /// <summary>Where the fixtures of <paramref name="group"/> (see tests/Fixtures/Directory.Build.targets) write their manifests.</summary>
    public static string ManifestDirectory(string group)
    {
        var path = Path.Combine(TestOutput.Parent!.Parent!.Parent!.FullName, "fixtures", "manifests", group);
        return Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"No manifests of the fixtures '{group}' at '{path}': build the test project (it references them under tests/Fixtures) with the same configuration as the tests.");
    }

    /// <summary>Copies the whole output of <paramref name="project"/> into <paramref name="directory"/>; returns the assembly's path there.</summary>
    public static string CopyTo(string project, string directory)
    {
        var assembly = Assembly(project);
        var source = Path.GetDirectoryName(assembly)!;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(directory, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return Path.Combine(directory, Path.GetFileName(assembly));
    }
}
