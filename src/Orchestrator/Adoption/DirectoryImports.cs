using System.Collections.Immutable;
using Orchestrator.Repository;

namespace Orchestrator.Adoption;

/// <summary>
/// The packages MSBuild adds to every project beneath a Directory.Build.props, Directory.Build.targets or
/// Directory.Packages.props (the nearest of each, as MSBuild imports them), within the repository.
/// </summary>
internal sealed class DirectoryImports(string rootDirectory)
{
    private static readonly ImmutableArray<string> _fileNames = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    private readonly string _root = Path.GetFullPath(rootDirectory);
    private readonly Dictionary<string, ImmutableArray<(string File, PackageItem Package)>> _byDirectory = new(StringComparer.Ordinal);

    /// <summary>Packages the Directory.* files add to a project in <paramref name="projectDirectory"/>, each with the file (relative to the root).</summary>
    public ImmutableArray<(string File, PackageItem Package)> For(string projectDirectory)
    {
        var directory = Path.GetFullPath(projectDirectory);
        if (_byDirectory.TryGetValue(directory, out var known))
        {
            return known;
        }
        var packages = ImmutableArray.CreateBuilder<(string, PackageItem)>();
        foreach (var fileName in _fileNames)
        {
            if (Nearest(directory, fileName) is { } file)
            {
                var relative = Path.GetRelativePath(_root, file).Replace('\\', '/');
                packages.AddRange(ProjectFileReader.SharedPackages(file).Select(package => (relative, package)));
            }
        }
        return _byDirectory[directory] = packages.ToImmutable();
    }

    /// <summary>
    /// The Directory.Build.props MSBuild imports for a project in <paramref name="projectDirectory"/> (full path)
    /// and the properties it sets outside conditions; null when there is none within the repository.
    /// </summary>
    public (string File, ImmutableArray<KeyValuePair<string, string>> Properties)? BuildProperties(string projectDirectory) =>
        Nearest(Path.GetFullPath(projectDirectory), "Directory.Build.props") is { } file
            ? (file, ProjectFileReader.BuildProperties(file))
            : null;

    private string? Nearest(string directory, string fileName)
    {
        for (var current = new DirectoryInfo(directory); current is not null && RepositoryFiles.IsUnder(current.FullName, _root); current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
