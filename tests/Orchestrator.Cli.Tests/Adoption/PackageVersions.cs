using System.Xml.Linq;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>The package versions of this repository's Directory.Packages.props, for fixture repositories (NuGet is offline).</summary>
internal static class PackageVersions
{
    public static IReadOnlyDictionary<string, string> FromRepository() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root(), "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(element => element.Attribute("Include")!.Value, element => element.Attribute("Version")!.Value, StringComparer.Ordinal);
}
