using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace Orchestrator.Adoption;

/// <summary>
/// Finds the test projects of a repository: project files that reference a test SDK or framework
/// (Microsoft.NET.Test.Sdk, xunit, NUnit, MSTest) or declare <c>IsTestProject</c>.
/// </summary>
public static class TestProjectScanner
{
    private static readonly ImmutableArray<string> _testPackages =
        ["Microsoft.NET.Test.Sdk", "xunit", "xunit.v3", "xunit.core", "NUnit", "MSTest", "MSTest.TestFramework", "MSTest.Sdk"];

    private static readonly ImmutableHashSet<string> _skippedDirectories =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "bin", "obj", ".git", "node_modules", "artifacts", ".orchestrator");

    // Symbolic links are not followed (no cycles), unreadable directories are passed over.
    private static readonly EnumerationOptions _enumeration = new() { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };

    public static ImmutableArray<TestProject> Scan(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Cannot scan '{root}' for test projects: the directory does not exist.");
        }
        return
        [
            .. ProjectFiles(root)
                .Select(path => Read(path, root))
                .OfType<TestProject>()
                .OrderBy(project => project.RelativePath, StringComparer.Ordinal),
        ];
    }

    /// <summary>Reads one project file; null when it is not a test project (or not readable XML).</summary>
    public static TestProject? Read(string projectPath, string rootDirectory)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectPath);
        }
        catch (XmlException)
        {
            return null;
        }
        var elements = document.Descendants().ToList();
        var packages = elements
            .Where(element => element.Name.LocalName == "PackageReference")
            .Select(element => (string?)element.Attribute("Include") ?? (string?)element.Attribute("Update"))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToImmutableArray();
        var sdk = (string?)document.Root?.Attribute("Sdk") ?? "";
        var declaresTestProject = elements.Any(element =>
            element.Name.LocalName == "IsTestProject" && string.Equals(element.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
        var isTest = declaresTestProject
            || sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase)
            || packages.Any(package => _testPackages.Contains(package, StringComparer.OrdinalIgnoreCase));
        if (!isTest)
        {
            return null;
        }
        var assemblyName = elements.FirstOrDefault(element => element.Name.LocalName == "AssemblyName")?.Value.Trim();
        return new TestProject
        {
            Name = assemblyName is { Length: > 0 } && !assemblyName.Contains('$', StringComparison.Ordinal)
                ? assemblyName
                : Path.GetFileNameWithoutExtension(projectPath),
            RelativePath = Path.GetRelativePath(rootDirectory, projectPath).Replace('\\', '/'),
            Packages = packages,
        };
    }

    private static IEnumerable<string> ProjectFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.csproj", _enumeration))
        {
            yield return file;
        }
        foreach (var child in Directory.EnumerateDirectories(directory, "*", _enumeration))
        {
            if (_skippedDirectories.Contains(Path.GetFileName(child)))
            {
                continue;
            }
            foreach (var file in ProjectFiles(child))
            {
                yield return file;
            }
        }
    }
}
