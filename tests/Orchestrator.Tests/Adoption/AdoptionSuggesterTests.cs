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
        };

        var suggestion = AdoptionSuggester.Suggest(project);

        Assert.Equal("integration", suggestion.Layer);
        Assert.Equal(["postgres", "redis", "rabbitmq"], suggestion.Resources.AsEnumerable());
        Assert.Contains("Npgsql.EntityFrameworkCore.PostgreSQL (postgres)", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_without_client_packages_needs_no_resource()
    {
        var project = new TestProject { Name = "Shop.Tests", RelativePath = "Shop.Tests.csproj", Packages = ["xunit"] };

        Assert.Empty(AdoptionSuggester.Suggest(project).Resources);
    }
}
