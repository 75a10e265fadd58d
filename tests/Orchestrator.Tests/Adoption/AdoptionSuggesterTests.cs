using System.Collections.Immutable;
using Orchestrator.Adoption;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class AdoptionSuggesterTests
{
    [Theory]
    [InlineData("Shop.IntegrationTests", "integration")]
    [InlineData("Shop.E2E.Tests", "e2e")]
    [InlineData("Shop.EndToEndTests", "e2e")]
    [InlineData("Shop.UnitTests", "unit")]
    [InlineData("Shop.Tests", "unit")]
    public void The_layer_follows_the_project_name(string name, string layer)
    {
        Assert.Equal(layer, AdoptionSuggester.LayerOf(name).Layer);
    }

    [Fact]
    public void Client_packages_give_the_resources_they_talk_to()
    {
        var project = new TestProject
        {
            Name = "Shop.IntegrationTests",
            RelativePath = "tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj",
            Packages = ["xunit", "Npgsql.EntityFrameworkCore.PostgreSQL", "RabbitMQ.Client", "StackExchange.Redis"],
            Reached = [Direct("xunit"), Direct("Npgsql.EntityFrameworkCore.PostgreSQL"), Direct("RabbitMQ.Client"), Direct("StackExchange.Redis")],
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal("integration", suggestion.Layer);
        Assert.Equal(["postgres", "redis", "rabbitmq"], suggestion.Resources.AsEnumerable());
        Assert.Contains("Npgsql.EntityFrameworkCore.PostgreSQL for postgres", suggestion.Reason, StringComparison.Ordinal);
        Assert.Empty(suggestion.Undecided);
    }

    [Fact]
    public void A_project_without_client_packages_needs_no_resource()
    {
        var project = new TestProject { Name = "Shop.Tests", RelativePath = "Shop.Tests.csproj", Packages = ["xunit"], Reached = [Direct("xunit")] };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Empty(suggestion.Resources);
        Assert.Contains(suggestion.Undecided, note => note.Contains("'unit' assumed", StringComparison.Ordinal));
    }

    [Fact]
    public void Tests_that_name_their_resources_in_traits_get_a_rule_without_resources()
    {
        var project = new TestProject
        {
            Name = "Shop.IntegrationTests",
            RelativePath = "tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj",
            Reached = [new PackageReach("Npgsql", ["Shop"])],
            Traits = new SourceTraits { Layers = Set("Integration"), Resources = Set("Postgres", "docker") },
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Empty(suggestion.Resources);
        Assert.Equal(["docker", "postgres"], suggestion.TraitResources.AsEnumerable());
        Assert.Contains("Resource traits (docker, postgres)", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_test_project_reaching_a_client_only_through_a_reference_gets_no_resource_and_says_so()
    {
        var project = new TestProject
        {
            Name = "Shop.UnitTests",
            RelativePath = "tests/Shop.UnitTests/Shop.UnitTests.csproj",
            Reached = [new PackageReach("Npgsql", ["Shop"])],
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Empty(suggestion.Resources);
        var note = Assert.Single(suggestion.Undecided);
        Assert.Contains("Npgsql (through Shop) for postgres only through project references", note, StringComparison.Ordinal);
    }

    [Fact]
    public void An_integration_project_reaching_a_client_through_references_gets_it_and_asks_to_check()
    {
        var project = new TestProject
        {
            Name = "Shop.IntegrationTests",
            RelativePath = "tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj",
            Reached = [new PackageReach("Npgsql", ["Shop.Testing", "Shop"]), new PackageReach("Testcontainers", ["Shop.Testing"])],
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal(["postgres"], suggestion.Resources.AsEnumerable());
        Assert.Contains(suggestion.Undecided, note => note.Contains("Npgsql (through Shop.Testing → Shop)", StringComparison.Ordinal));
        Assert.Equal("Testcontainers", suggestion.ContainerPackage?.Package);
    }

    [Fact]
    public void Category_values_that_name_no_layer_are_reported()
    {
        var project = new TestProject
        {
            Name = "Shop.Tests",
            RelativePath = "Shop.Tests.csproj",
            Traits = new SourceTraits { Layers = Set("Slow", "Unit"), Unreadable = 2 },
        };

        var undecided = AdoptionSuggester.Suggest(project).Undecided;

        Assert.Contains(undecided, note => note.Contains("Category values Slow name no layer", StringComparison.Ordinal));
        Assert.Contains(undecided, note => note.Contains("2 trait attribute(s) with non-literal arguments", StringComparison.Ordinal));
    }

    private static PackageReach Direct(string package) => new(package, []);

    private static ImmutableSortedSet<string> Set(params string[] values) => ImmutableSortedSet.CreateRange(StringComparer.OrdinalIgnoreCase, values);
}
