using Orchestrator.Adoption;
using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class RepositoryAdoptionTests
{
    [Fact]
    public void The_schema_is_a_relative_path_when_the_repository_holds_it()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("eng/schema/orchestrator.schema.json", "{}");

        var schema = SchemaReference.For(repository.Root, "/nowhere/orchestrator.schema.json");

        Assert.Equal(("./eng/schema/orchestrator.schema.json", null), (schema.Value, schema.Note));
    }

    [Fact]
    public void Without_one_in_the_repository_the_schema_is_the_tools_copy_as_a_file_uri_with_a_note()
    {
        using var repository = new FakeRepository();
        using var tool = new FakeRepository();
        var shipped = tool.WriteFile("orchestrator.schema.json", "{}");

        var schema = SchemaReference.For(repository.Root, shipped);

        Assert.Equal(new Uri(shipped).AbsoluteUri, schema.Value);
        Assert.StartsWith("file:///", schema.Value, StringComparison.Ordinal);
        Assert.Contains("this machine only", schema.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solution_below_the_root_is_chosen_and_test_projects_it_does_not_mention_are_reported()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Shop.UnitTests", "Shop.UnitTests", "xunit");
        repository.AddProject("tests/Shop.IntegrationTests", "Shop.IntegrationTests", "xunit");
        repository.WriteFile("src/Shop.slnx", """<Solution><Project Path="../tests/Shop.UnitTests/Shop.UnitTests.csproj" /></Solution>""");

        var adoption = RepositoryAdoption.Of(repository.Root);

        Assert.Equal("src/Shop.slnx", adoption.Solution);
        Assert.Contains(adoption.Undecided, note => note.Contains("src/Shop.slnx does not mention tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_solutions_choose_none_and_say_so()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("A.sln", "");
        repository.WriteFile("B.sln", "");

        var adoption = RepositoryAdoption.Of(repository.Root);

        Assert.Null(adoption.Solution);
        Assert.Contains(adoption.Undecided, note => note.Contains("Several solutions found (A.sln, B.sln)", StringComparison.Ordinal));
        Assert.Null(ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json")).Build.Solution);
    }

    [Fact]
    public void Resources_named_only_by_traits_are_defined_known_kinds_as_containers_others_as_external()
    {
        using var repository = new FakeRepository();
        repository.Write("tests/Shop.IntegrationTests", "Shop.IntegrationTests", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" /><ProjectReference Include="../../src/Shop/Shop.csproj" /></ItemGroup></Project>""");
        repository.AddProject("src/Shop", "Shop", "Npgsql");
        repository.WriteFile("tests/Shop.IntegrationTests/OrderTests.cs", """[Trait("Category", "Integration"), Trait("Resource", "postgres"), Trait("Resource", "docker")] public class OrderTests { }""");

        var config = ConfigurationLoader.Parse(RepositoryAdoption.Of(repository.Root).ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        Assert.Equal(["docker", "postgres"], config.Resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ResourceKind.External, config.Resources["docker"].Kind);
        Assert.Equal(ResourceKind.Postgres, config.Resources["postgres"].Kind);
        var rule = Assert.Single(config.Rules);
        Assert.Equal(("integration", 0), (rule.Layer, rule.Resources.Length));
    }
}
