using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace Orchestrator.Adoption;

/// <summary>Reads project and Directory.*.props/targets files as XML, without MSBuild evaluation.</summary>
internal static class ProjectFileReader
{
    /// <summary>The project file at <paramref name="path"/>; null when it is not readable XML.</summary>
    public static ProjectFile? Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Load(path) is not { Root: { } root })
        {
            return null;
        }
        var elements = root.Descendants().ToList();
        var isTestProject = elements.Where(element => element.Name.LocalName == "IsTestProject").ToList();
        var unconditional = isTestProject.LastOrDefault(element => !IsConditional(element));
        var assemblyName = elements.LastOrDefault(element => element.Name.LocalName == "AssemblyName" && !IsConditional(element))?.Value.Trim();
        return new ProjectFile
        {
            FullPath = Path.GetFullPath(path),
            AssemblyName = assemblyName is { Length: > 0 } && !assemblyName.Contains('$', StringComparison.Ordinal)
                ? assemblyName
                : Path.GetFileNameWithoutExtension(path),
            Sdk = (string?)root.Attribute("Sdk") ?? "",
            IsTestProject = unconditional is null ? null : string.Equals(unconditional.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            SetsIsTestProjectConditionally = isTestProject.Any(IsConditional),
            Packages = Items(elements, "PackageReference"),
            ProjectReferences =
            [
                .. elements
                    .Where(element => element.Name.LocalName == "ProjectReference")
                    .Select(element => (string?)element.Attribute("Include"))
                    .OfType<string>()
                    .SelectMany(include => include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            ],
            Properties = Properties(elements),
        };
    }

    /// <summary>
    /// Packages a Directory.Build.props/targets or Directory.Packages.props adds to every project beneath
    /// it: <c>PackageReference Include</c> and <c>GlobalPackageReference Include</c> (central package
    /// management); <c>PackageVersion</c> only pins a version and adds nothing.
    /// </summary>
    public static ImmutableArray<PackageItem> SharedPackages(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Load(path) is not { Root: { } root })
        {
            return [];
        }
        var elements = root.Descendants().ToList();
        return [.. Items(elements, "PackageReference"), .. Items(elements, "GlobalPackageReference")];
    }

    /// <summary>Properties a Directory.Build.props sets outside any condition, in file order, as written.</summary>
    public static ImmutableArray<KeyValuePair<string, string>> BuildProperties(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Load(path) is { Root: { } root } ? Properties([.. root.Descendants()]) : [];
    }

    private static XDocument? Load(string path)
    {
        try
        {
            return XDocument.Load(path);
        }
        catch (Exception unreadable) when (unreadable is XmlException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static ImmutableArray<PackageItem> Items(List<XElement> elements, string itemName) =>
    [
        .. elements
            .Where(element => element.Name.LocalName == itemName)
            .Select(element => ((string?)element.Attribute("Include"), IsConditional(element)))
            .Where(item => item.Item1 is { Length: > 0 } && !item.Item1.Contains('$', StringComparison.Ordinal))
            .SelectMany(item => item.Item1!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => new PackageItem(name, item.Item2))),
    ];

    private static ImmutableArray<KeyValuePair<string, string>> Properties(List<XElement> elements) =>
    [
        .. elements
            .Where(element => element.Parent?.Name.LocalName == "PropertyGroup" && !element.HasElements && !IsConditional(element))
            .Select(element => KeyValuePair.Create(element.Name.LocalName, element.Value.Trim())),
    ];

    /// <summary>A condition on the element or on an enclosing ItemGroup/PropertyGroup/Choose.</summary>
    private static bool IsConditional(XElement element) =>
        element.AncestorsAndSelf().Any(ancestor => ancestor.Attribute("Condition") is not null
            || ancestor.Name.LocalName is "When" or "Otherwise");
}
