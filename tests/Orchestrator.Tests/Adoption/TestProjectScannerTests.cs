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

        var projects = TestProjectScanner.Scan(repository.Root);

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

        var project = Assert.Single(TestProjectScanner.Scan(repository.Root));

        Assert.Equal("Company.Api.Tests", project.Name);
        Assert.Equal(["xunit"], project.Packages.AsEnumerable());
    }

    [Fact]
    public void A_project_file_that_is_not_XML_is_skipped()
    {
        using var repository = new FakeRepository();
        repository.Write("tests/Broken", "Broken.Tests", "not xml <");
        repository.AddProject("tests/Fine", "Fine.Tests", "xunit");

        var project = Assert.Single(TestProjectScanner.Scan(repository.Root));

        Assert.Equal("Fine.Tests", project.Name);
    }
}
