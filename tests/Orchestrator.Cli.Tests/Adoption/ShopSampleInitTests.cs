using Orchestrator.Configuration;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Integration")]
[Collection(AdoptionBuilds.Name)]
public sealed class ShopSampleInitTests(ShopSampleCopy shop) : IClassFixture<ShopSampleCopy>
{
    [Fact]
    public void Init_leaves_out_the_fixtures_library_and_defines_the_resources_reached_through_references_and_traits()
    {
        var config = ConfigurationLoader.Load(shop.ConfigurationPath);

        Assert.Equal(["Shop.ContractTests", "Shop.EndToEndTests", "Shop.IntegrationTests", "Shop.UnitTests"], config.Rules.Select(rule => rule.Assembly!));
        Assert.Equal(["unit", "e2e", "integration", "unit"], config.Rules.Select(rule => rule.Layer!));
        Assert.Equal(["postgres", "rabbitmq", "redis"], config.Resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Shop.slnx", config.Build.Solution);
        Assert.Contains("Left out: tests/Shop.Testing/Shop.Testing.csproj: sets IsTestProject to false", shop.Init.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Shop.UnitTests: reaches Npgsql (through Shop) for postgres", shop.Init.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_a_schema_reference_an_editor_can_open()
    {
        using var written = System.Text.Json.JsonDocument.Parse(File.ReadAllText(shop.ConfigurationPath));
        var schema = new Uri(written.RootElement.GetProperty("$schema").GetString()!);

        Assert.True(schema.IsFile, schema.ToString());
        Assert.True(File.Exists(schema.LocalPath), $"{schema.LocalPath} does not exist");
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "eng", "schema", "orchestrator.schema.json")),
            File.ReadAllText(schema.LocalPath));
    }

    [Fact]
    public void The_build_injects_the_manifest_targets_so_every_test_project_and_no_fixtures_library_writes_a_manifest()
    {
        Assert.True(shop.Build.ExitCode == 0, shop.Build.StandardOutput + shop.Build.StandardError);
        var manifests = Directory.GetFiles(Path.Combine(shop.Root, "artifacts", "orchestrator", "manifests"), "*.json")
            .Select(path => Path.GetFileName(path).Split('-')[0])
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Shop.ContractTests", "Shop.EndToEndTests", "Shop.IntegrationTests", "Shop.UnitTests"], manifests);
        Assert.False(File.Exists(Path.Combine(shop.Root, "Directory.Build.targets")));
    }

    [Theory]
    [InlineData("commit")]
    [InlineData("pr")]
    [InlineData("nightly")]
    public async Task The_generated_configuration_plans_the_same_partitions_as_the_hand_written_one(string cadence)
    {
        Assert.True(shop.Build.ExitCode == 0, shop.Build.StandardOutput + shop.Build.StandardError);

        var generated = await ToolProcess.RunAsync(["plan", "--cadence", cadence, "--json", "--config", shop.ConfigurationPath], TimeSpan.FromMinutes(4));
        var handWritten = await ToolProcess.RunAsync(["plan", "--cadence", cadence, "--json", "--config", shop.HandWrittenPath], TimeSpan.FromMinutes(4));

        Assert.True(generated.ExitCode == 0, generated.StandardOutput + generated.StandardError);
        Assert.True(handWritten.ExitCode == 0, handWritten.StandardOutput + handWritten.StandardError);
        var expected = PlanPartitions.Read(handWritten.StandardOutput);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, PlanPartitions.Read(generated.StandardOutput));
    }
}
