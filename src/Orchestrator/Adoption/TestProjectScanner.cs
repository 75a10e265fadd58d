using System.Collections.Immutable;
using System.Text.Json;
using Orchestrator.Repository;

namespace Orchestrator.Adoption;

/// <summary>
/// Finds the test projects of a repository: project files that reference a test SDK or framework
/// (Microsoft.NET.Test.Sdk, xunit, xunit.v3, NUnit, MSTest, TUnit) or declare <c>IsTestProject</c> true, and not those
/// that declare it false (fixtures libraries). For each, every package it gets: its own, through its
/// project references (followed within the repository) and from Directory.Build.* and
/// Directory.Packages.props (central package management: versions there, <c>GlobalPackageReference</c>
/// items for all) and, when the project was restored, through other packages as its
/// <c>project.assets.json</c> tells. The project files are read as XML, not evaluated: conditions are
/// reported, not decided.
/// </summary>
internal static class TestProjectScanner
{
    private static readonly ImmutableArray<string> _testPackages =
        [
            "Microsoft.NET.Test.Sdk", "xunit", "xunit.v3", "xunit.v3.mtp-v1", "xunit.v3.mtp-v2", "xunit.v3.mtp-off", "xunit.core",
            "NUnit", "MSTest", "MSTest.TestFramework", "MSTest.Sdk", "TUnit", "TUnit.Engine",
        ];

    private static readonly ImmutableArray<string> _projectExtensions = [".csproj", ".fsproj", ".vbproj"];

    public static RepositoryScan Scan(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Cannot scan '{root}' for test projects: the directory does not exist.");
        }
        var scan = new ScanState(root);
        var projects = ImmutableArray.CreateBuilder<TestProject>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        foreach (var path in RepositoryFiles.Find(root, name => _projectExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase)))
        {
            if (scan.Load(path) is not { } file)
            {
                continue;
            }
            var relative = scan.Relative(file.FullPath);
            var frameworks = file.Packages.Where(package => IsTestPackage(package.Name))
                .Concat(scan.Imports.For(file.Directory).Select(shared => shared.Package).Where(package => !package.Conditional && IsTestPackage(package.Name)))
                .Select(package => package.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (file.IsTestProject == false)
            {
                if (frameworks.Count > 0)
                {
                    skipped.Add($"{relative}: sets IsTestProject to false, so it is not a test project although it references {string.Join(", ", frameworks)} (a fixtures library).");
                }
                continue;
            }
            if (file.IsTestProject != true && frameworks.Count == 0 && !file.Sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            projects.Add(scan.TestProject(file, relative));
        }
        return new RepositoryScan
        {
            Projects = [.. projects.OrderBy(project => project.RelativePath, StringComparer.Ordinal)],
            Skipped = skipped.ToImmutable(),
        };
    }

    private static bool IsTestPackage(string name) => _testPackages.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>One scan: parsed project files and Directory.* imports, cached across test projects.</summary>
    private sealed class ScanState(string root)
    {
        private readonly Dictionary<string, ProjectFile?> _files = new(StringComparer.Ordinal);

        public DirectoryImports Imports { get; } = new(root);

        public ProjectFile? Load(string path)
        {
            var full = Path.GetFullPath(path);
            if (!_files.TryGetValue(full, out var file))
            {
                file = ProjectFileReader.Read(full);
                _files[full] = file;
            }
            return file;
        }

        public string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

        public TestProject TestProject(ProjectFile file, string relative)
        {
            var notes = new List<string>();
            if (file.SetsIsTestProjectConditionally)
            {
                notes.Add($"{relative} sets IsTestProject under a condition, which init does not evaluate; it is taken as a test project.");
            }
            var reached = Reach(file, notes);
            var assetsFile = RestoreOutput.AssetsFile(file, Imports);
            if (assetsFile is not null)
            {
                foreach (var reach in Restored(assetsFile, file, notes))
                {
                    reached.TryAdd(reach.Package, reach);
                }
            }
            ImmutableArray<PackageReach> ordered = [.. reached.Values.OrderBy(reach => reach.Package, StringComparer.OrdinalIgnoreCase)];
            // Read once for both scans: the walk of the project and each file's text.
            var sources = ProjectSources.Read(file.Directory).ToList();
            return new TestProject
            {
                Name = file.AssemblyName,
                RelativePath = relative,
                Packages = [.. ordered.Select(reach => reach.Package)],
                Reached = ordered,
                AssetsFile = assetsFile is null ? null : Relative(assetsFile),
                Traits = SourceTraitScanner.Scan(sources),
                Usage = SourceUsageScanner.Scan(sources, root),
                Notes = [.. notes],
            };
        }

        /// <summary>Packages of the restore output; none, with a note, when it cannot be read.</summary>
        private ImmutableArray<PackageReach> Restored(string assetsFile, ProjectFile file, List<string> notes)
        {
            try
            {
                return ProjectAssets.Read(assetsFile, file.FullPath);
            }
            catch (Exception unreadable) when (unreadable is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                notes.Add($"{Relative(file.FullPath)}: its restore output {Relative(assetsFile)} could not be read ({unreadable.Message}), so packages that come through other packages are not counted. Run 'dotnet restore' again before 'orchestrator init'.");
                return [];
            }
        }

        /// <summary>Breadth first through project references, so each package keeps its shortest way in.</summary>
        private Dictionary<string, PackageReach> Reach(ProjectFile start, List<string> notes)
        {
            var reached = new Dictionary<string, PackageReach>(StringComparer.OrdinalIgnoreCase);
            var visited = new HashSet<string>(StringComparer.Ordinal) { start.FullPath };
            var pending = new Queue<(ProjectFile File, ImmutableArray<string> Via)>();
            pending.Enqueue((start, []));
            while (pending.TryDequeue(out var current))
            {
                foreach (var package in current.File.Packages)
                {
                    reached.TryAdd(package.Name, new PackageReach(package.Name, current.Via, package.Conditional));
                }
                foreach (var (file, package) in Imports.For(current.File.Directory))
                {
                    reached.TryAdd(package.Name, new PackageReach(package.Name, current.Via.Add(file), package.Conditional));
                }
                foreach (var include in current.File.ProjectReferences)
                {
                    var where = $"{Relative(current.File.FullPath)} references '{include}'";
                    if (include.Contains("$(", StringComparison.Ordinal))
                    {
                        notes.Add($"{where}, a path built from MSBuild properties: not followed, so packages it brings are not counted.");
                        continue;
                    }
                    var path = Path.GetFullPath(include.Replace('\\', '/'), current.File.Directory);
                    if (!RepositoryFiles.IsUnder(path, root))
                    {
                        notes.Add($"{where}, outside the repository: not followed, so packages it brings are not counted.");
                    }
                    else if (!File.Exists(path))
                    {
                        notes.Add($"{where}, which does not exist.");
                    }
                    else if (visited.Add(path) && Load(path) is { } referenced)
                    {
                        pending.Enqueue((referenced, current.Via.Add(Path.GetFileNameWithoutExtension(path))));
                    }
                }
            }
            return reached;
        }
    }
}
