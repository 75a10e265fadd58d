using Orchestrator.Discovery;
using Xunit;

namespace Orchestrator.Tests.Discovery;

[Trait("Category", "Unit")]
public sealed class ManifestReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-manifests-").FullName;

    [Fact]
    public void A_version_2_manifest_names_the_projects_runsettings_and_coverage_collector()
    {
        var path = Write(2, """, "runSettingsFilePath": "/repo/Shop.Tests/shop.runsettings", "coverageCollectorDirectory": "/nuget/coverlet.collector/10.0.1/build/net10.0/" """);

        var manifest = ManifestReader.Read(path);

        Assert.Equal("/repo/Shop.Tests/shop.runsettings", manifest.RunSettingsFilePath);
        Assert.Equal("/nuget/coverlet.collector/10.0.1/build/net10.0/", manifest.CoverageCollectorDirectory);
    }

    [Fact]
    public void A_version_1_manifest_written_by_an_older_build_is_still_read_without_them()
    {
        var path = Write(1, "");

        var manifest = ManifestReader.Read(path);

        Assert.Equal("Shop.Tests", manifest.ProjectName);
        Assert.Null(manifest.RunSettingsFilePath);
        Assert.Null(manifest.CoverageCollectorDirectory);
    }

    [Fact]
    public void A_manifest_from_a_newer_build_is_refused_with_the_fix()
    {
        var path = Write(ManifestReader.SupportedSchemaVersion + 1, "");

        var exception = Assert.Throws<InvalidDataException>(() => ManifestReader.Read(path));

        Assert.Contains("same orchestrator version", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(int version, string more)
    {
        var path = Path.Combine(_directory, $"Shop.Tests-v{version}.json");
        File.WriteAllText(path, $$"""
            { "schemaVersion": {{version}}, "projectPath": "/repo/Shop.Tests/Shop.Tests.csproj", "projectName": "Shop.Tests", "targetFramework": "net10.0",
              "targetPath": "/repo/bin/Shop.Tests.dll", "configuration": "Release", "runner": "VSTest", "layer": null, "resources": [] {{more}} }
            """);
        return path;
    }
}
