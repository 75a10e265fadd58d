using System.Text.Json;
using Orchestrator.Adoption;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class TestProjectScannerTests
{
    [Fact]
    public void Projects_referencing_a_test_framework_or_declaring_IsTestProject_are_found_and_others_are_not()
    {
        using var repository = new FakeRepository();
        repository.AddProject("src/Shop", "Shop", "Npgsql");
        repository.AddProject("tests/Shop.UnitTests", "Shop.UnitTests", "Microsoft.NET.Test.Sdk", "xunit");
        repository.AddProject("tests/Shop.NUnitTests", "Shop.NUnitTests", "NUnit");
        repository.AddProject("tests/Shop.MsTests", "Shop.MsTests", "MSTest.TestFramework");
        repository.Write("tests/Shop.Declared", "Shop.Declared", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup></Project>""");

        var projects = TestProjectScanner.Scan(repository.Root).Projects;

        Assert.Equal(
            ["tests/Shop.Declared/Shop.Declared.csproj", "tests/Shop.MsTests/Shop.MsTests.csproj", "tests/Shop.NUnitTests/Shop.NUnitTests.csproj", "tests/Shop.UnitTests/Shop.UnitTests.csproj"],
            projects.Select(project => project.RelativePath));
    }

    [Fact]
    public void Build_output_directories_are_skipped_and_an_AssemblyName_wins_over_the_file_name()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Copy/obj", "Stale.Tests", "xunit");
        repository.Write("tests/Api", "Api.Tests", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>Company.Api.Tests</AssemblyName></PropertyGroup><ItemGroup><PackageReference Include="xunit" /></ItemGroup></Project>""");

        var project = Assert.Single(TestProjectScanner.Scan(repository.Root).Projects);

        Assert.Equal("Company.Api.Tests", project.Name);
        Assert.Equal(["xunit"], project.Packages.AsEnumerable());
    }

    [Fact]
    public void A_project_file_that_is_not_XML_is_skipped()
    {
        using var repository = new FakeRepository();
        repository.Write("tests/Broken", "Broken.Tests", "not xml <");
        repository.AddProject("tests/Fine", "Fine.Tests", "xunit");

        var project = Assert.Single(TestProjectScanner.Scan(repository.Root).Projects);

        Assert.Equal("Fine.Tests", project.Name);
    }

    [Fact]
    public void A_project_that_sets_IsTestProject_false_is_left_out_with_the_reason_although_it_references_xunit()
    {
        using var repository = new FakeRepository();
        repository.Write("tests/Shop.Testing", "Shop.Testing", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><IsTestProject>false</IsTestProject></PropertyGroup><ItemGroup><PackageReference Include="xunit" /></ItemGroup></Project>""");
        repository.AddProject("tests/Shop.UnitTests", "Shop.UnitTests", "xunit");

        var scan = TestProjectScanner.Scan(repository.Root);

        Assert.Equal(["Shop.UnitTests"], scan.Projects.Select(project => project.Name));
        var skipped = Assert.Single(scan.Skipped);
        Assert.Contains("tests/Shop.Testing/Shop.Testing.csproj: sets IsTestProject to false", skipped, StringComparison.Ordinal);
    }

    [Fact]
    public void Packages_reached_through_project_references_are_found_transitively_with_their_way_in_and_cycles_end()
    {
        using var repository = new FakeRepository();
        repository.Write("src/Shop", "Shop", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Npgsql" /><ProjectReference Include="..\..\tests\Shop.Testing\Shop.Testing.csproj" /></ItemGroup></Project>""");
        repository.Write("tests/Shop.Testing", "Shop.Testing", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><IsTestProject>false</IsTestProject></PropertyGroup><ItemGroup><PackageReference Include="Testcontainers" /><ProjectReference Include="../../src/Shop/Shop.csproj" /></ItemGroup></Project>""");
        repository.Write("tests/Shop.IntegrationTests", "Shop.IntegrationTests", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" /><ProjectReference Include="../Shop.Testing/Shop.Testing.csproj" /></ItemGroup></Project>""");

        var project = Assert.Single(TestProjectScanner.Scan(repository.Root).Projects);

        Assert.Equal(["Npgsql", "Testcontainers", "xunit"], project.Packages.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Npgsql (through Shop.Testing → Shop)", "Testcontainers (through Shop.Testing)", "xunit"],
            project.Reached.Select(reach => reach.ToString()).Order(StringComparer.Ordinal));
        Assert.Empty(project.Notes);
    }

    [Fact]
    public void Central_package_management_and_Directory_Build_files_bring_packages_and_PackageVersion_brings_none()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("Directory.Packages.props", """
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Npgsql" Version="10.0.3" />
                <PackageVersion Include="xunit" Version="2.9.3" />
                <GlobalPackageReference Include="StackExchange.Redis" Version="3.4.35" />
              </ItemGroup>
            </Project>
            """);
        repository.WriteFile("tests/Directory.Build.props", """<Project><ItemGroup><PackageReference Include="xunit" /><PackageReference Include="Microsoft.NET.Test.Sdk" /></ItemGroup></Project>""");
        repository.Write("tests/Shop.IntegrationTests", "Shop.IntegrationTests", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="RabbitMQ.Client" /></ItemGroup></Project>""");
        repository.AddProject("src/Shop", "Shop");

        var project = Assert.Single(TestProjectScanner.Scan(repository.Root).Projects);

        Assert.Equal(
            ["Microsoft.NET.Test.Sdk (through tests/Directory.Build.props)", "RabbitMQ.Client", "StackExchange.Redis (through Directory.Packages.props)", "xunit (through tests/Directory.Build.props)"],
            project.Reached.Select(reach => reach.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Conditional_test_packages_in_shared_files_do_not_make_every_project_a_test_project()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("Directory.Build.props", """<Project><ItemGroup Condition="'$(IsTestProject)' == 'true'"><PackageReference Include="xunit" /></ItemGroup></Project>""");
        repository.AddProject("src/Shop", "Shop", "Npgsql");

        Assert.Empty(TestProjectScanner.Scan(repository.Root).Projects);
    }

    [Fact]
    public void References_outside_the_repository_missing_or_built_from_properties_are_noted_and_not_followed()
    {
        using var repository = new FakeRepository();
        repository.Write("tests/App.Tests", "App.Tests", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="xunit" />
                <ProjectReference Include="../../../elsewhere/Lib.csproj" />
                <ProjectReference Include="../Gone/Gone.csproj" />
                <ProjectReference Include="$(SharedRoot)/Common.csproj" />
              </ItemGroup>
            </Project>
            """);

        var project = Assert.Single(TestProjectScanner.Scan(repository.Root).Projects);

        Assert.Equal(3, project.Notes.Length);
        Assert.Contains(project.Notes, note => note.Contains("'../../../elsewhere/Lib.csproj', outside the repository", StringComparison.Ordinal));
        Assert.Contains(project.Notes, note => note.Contains("'../Gone/Gone.csproj', which does not exist", StringComparison.Ordinal));
        Assert.Contains(project.Notes, note => note.Contains("'$(SharedRoot)/Common.csproj', a path built from MSBuild properties", StringComparison.Ordinal));
    }

    [Fact]
    public void Packages_that_come_through_other_packages_are_read_from_the_restore_output_with_their_way_in()
    {
        using var repository = new FakeRepository();
        repository.AddProject("src/Shop", "Shop");
        var project = repository.Write("tests/Shop.IntegrationTests", "Shop.IntegrationTests", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="xunit" />
                <PackageReference Include="Acme.Data" />
                <ProjectReference Include="../../src/Shop/Shop.csproj" />
              </ItemGroup>
            </Project>
            """);
        repository.WriteFile("tests/Shop.IntegrationTests/obj/project.assets.json", $$"""
            {
              "version": 3,
              "targets": {
                "net10.0": {
                  "Acme.Data/2.1.0": { "type": "package", "dependencies": { "Acme.Core": "2.1.0" } },
                  "Acme.Core/2.1.0": { "type": "package", "dependencies": { "Npgsql": "8.0.3" } },
                  "Npgsql/8.0.3": { "type": "package" },
                  "Polly/8.4.0": { "type": "package" },
                  "xunit/2.9.3": { "type": "package" },
                  "Shop/1.0.0": { "type": "project", "dependencies": { "Polly": "8.4.0" } }
                }
              },
              "libraries": {
                "Acme.Data/2.1.0": { "type": "package", "path": "acme.data/2.1.0" },
                "Acme.Core/2.1.0": { "type": "package", "path": "acme.core/2.1.0" },
                "Npgsql/8.0.3": { "type": "package", "path": "npgsql/8.0.3" },
                "Polly/8.4.0": { "type": "package", "path": "polly/8.4.0" },
                "xunit/2.9.3": { "type": "package", "path": "xunit/2.9.3" },
                "Shop/1.0.0": { "type": "project", "path": "../../src/Shop/Shop.csproj" }
              },
              "projectFileDependencyGroups": { "net10.0": ["Acme.Data >= 2.1.0", "Shop >= 1.0.0", "xunit >= 2.9.3"] },
              "project": { "restore": { "projectPath": {{JsonSerializer.Serialize(project)}} } }
            }
            """);

        var scanned = Assert.Single(TestProjectScanner.Scan(repository.Root).Projects);

        Assert.Equal(
            ["Acme.Core (through NuGet package Acme.Data)", "Acme.Data", "Npgsql (through NuGet package Acme.Data → NuGet package Acme.Core)", "Polly (through Shop)", "xunit"],
            scanned.Reached.Select(reach => reach.ToString()));
        Assert.Equal("tests/Shop.IntegrationTests/obj/project.assets.json", scanned.AssetsFile);
        Assert.Empty(scanned.Notes);
    }

    [Theory]
    [InlineData("""<Project><PropertyGroup><BaseIntermediateOutputPath>$(MSBuildThisFileDirectory)build/obj/$(MSBuildProjectName)/</BaseIntermediateOutputPath></PropertyGroup></Project>""", "build/obj/Shop.Tests/project.assets.json")]
    [InlineData("""<Project><PropertyGroup><UseArtifactsOutput>true</UseArtifactsOutput></PropertyGroup></Project>""", "artifacts/obj/Shop.Tests/project.assets.json")]
    [InlineData("""<Project><PropertyGroup><UseArtifactsOutput>true</UseArtifactsOutput><ArtifactsPath>$(MSBuildThisFileDirectory).out</ArtifactsPath></PropertyGroup></Project>""", ".out/obj/Shop.Tests/project.assets.json")]
    public void The_restore_output_is_read_where_the_intermediate_or_artifacts_path_puts_it(string buildProps, string assetsFile)
    {
        using var repository = new FakeRepository();
        repository.WriteFile("Directory.Build.props", buildProps);
        repository.AddProject("tests/Shop.Tests", "Shop.Tests", "xunit");
        repository.WriteFile(assetsFile, """
            {
              "targets": { "net10.0": { "Marten/7.0.0": { "type": "package" }, "xunit/2.9.3": { "type": "package" } } },
              "libraries": { "Marten/7.0.0": { "type": "package" }, "xunit/2.9.3": { "type": "package" } },
              "projectFileDependencyGroups": { "net10.0": ["Marten >= 7.0.0", "xunit >= 2.9.3"] }
            }
            """);

        var project = Assert.Single(TestProjectScanner.Scan(repository.Root).Projects);

        Assert.Equal(assetsFile, project.AssetsFile);
        Assert.Contains("Marten", project.Packages);
    }

    [Theory]
    [InlineData("{ \"libraries\": ", "could not be read (")]
    [InlineData("""{ "libraries": {}, "project": { "restore": { "projectPath": "/elsewhere/Other.Tests.csproj" } } }""", "could not be read (it was restored for /elsewhere/Other.Tests.csproj, not for Shop.Tests.csproj")]
    public void A_restore_output_that_cannot_be_read_or_belongs_to_another_project_is_noted_and_adds_no_package(string content, string reason)
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Shop.Tests", "Shop.Tests", "xunit");
        repository.WriteFile("tests/Shop.Tests/obj/project.assets.json", content);

        var project = Assert.Single(TestProjectScanner.Scan(repository.Root).Projects);

        Assert.Equal(["xunit"], project.Packages.AsEnumerable());
        var note = Assert.Single(project.Notes);
        Assert.Contains($"tests/Shop.Tests/obj/project.assets.json {reason}", note, StringComparison.Ordinal);
        Assert.Contains("Run 'dotnet restore' again", note, StringComparison.Ordinal);
    }
}
