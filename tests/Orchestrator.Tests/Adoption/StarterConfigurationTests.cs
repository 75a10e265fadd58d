using Orchestrator.Adoption;
using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class StarterConfigurationTests
{
    [Fact]
    public void The_generated_configuration_loads_with_one_rule_per_project_and_only_the_resources_they_use()
    {
        using var repository = new FakeRepository();
        repository.AddProject("tests/Shop.UnitTests", "Shop.UnitTests", "xunit");
        repository.AddProject("tests/Shop.IntegrationTests", "Shop.IntegrationTests", "xunit", "Npgsql", "StackExchange.Redis");
        repository.AddProject("tests/Shop.E2ETests", "Shop.E2ETests", "xunit", "RabbitMQ.Client");
        File.WriteAllText(Path.Combine(repository.Root, "Shop.sln"), "");

        var adoption = RepositoryAdoption.Of(repository.Root);
        var config = ConfigurationLoader.Parse(adoption.ConfigurationJson, Path.Combine(repository.Root, "orchestrator.json"));

        Assert.Equal("Shop.sln", config.Build.Solution);
        Assert.Equal("Release", config.Build.Configuration);
        Assert.Equal(["postgres", "rabbitmq", "redis"], config.Resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ResourceKind.Postgres, config.Resources["postgres"].Kind);
        Assert.Contains("{namespace}", config.Resources["postgres"].Variables["ConnectionStrings__Postgres"], StringComparison.Ordinal);
        Assert.Equal(
            [("Shop.E2ETests", "e2e", "rabbitmq"), ("Shop.IntegrationTests", "integration", "postgres,redis"), ("Shop.UnitTests", "unit", "")],
            config.Rules.Select(rule => (rule.Assembly, rule.Layer, string.Join(',', rule.Resources))));
        Assert.All(config.Rules, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Description)));
    }

    [Fact]
    public void A_repository_without_test_projects_still_gets_a_configuration_that_loads()
    {
        using var repository = new FakeRepository();

        var config = ConfigurationLoader.Parse(RepositoryAdoption.Of(repository.Root).ConfigurationJson, "orchestrator.json");

        Assert.Empty(config.Rules);
        Assert.Empty(config.Resources);
    }

    [Fact]
    public void Description_is_accepted_on_the_root_and_on_resources_but_must_be_text()
    {
        const string json = """{ "description": "x", "resources": { "cache": { "kind": "redis", "image": "redis:7", "description": 3 } } }""";

        var invalid = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Parse(json, "orchestrator.json"));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("$.resources.cache.description", error.Path);
    }
}
