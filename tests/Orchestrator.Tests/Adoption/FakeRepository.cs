namespace Orchestrator.Tests.Adoption;

/// <summary>A temp directory holding project files written by a test, removed on dispose.</summary>
internal sealed class FakeRepository : IDisposable
{
    public FakeRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "orchestrator-adoption-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string AddProject(string relativeDirectory, string name, params string[] packages)
    {
        var references = string.Concat(packages.Select(package => $"""<PackageReference Include="{package}" />"""));
        return Write(relativeDirectory, name, $"""<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>{references}</ItemGroup></Project>""");
    }

    public string Write(string relativeDirectory, string name, string content)
    {
        var directory = Path.Combine(Root, relativeDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes any file (source, Directory.*.props, solution) under the root.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
