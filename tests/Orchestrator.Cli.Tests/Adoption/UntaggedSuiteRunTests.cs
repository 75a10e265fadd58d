using System.Text.Json;
using Orchestrator.Results.Trx;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class UntaggedSuiteRunTests(UntaggedPostgresSuite suite) : IClassFixture<UntaggedPostgresSuite>
{
    [Fact]
    public async Task Init_rules_place_each_untagged_project_in_its_layer_with_postgres()
    {
        await suite.AdoptAsync();

        var discover = await ToolProcess.RunAsync(["discover", "--json", "--config", suite.ConfigurationPath], TimeSpan.FromMinutes(3));

        Assert.True(discover.ExitCode == 0, discover.StandardOutput + discover.StandardError);
        using var inventory = JsonDocument.Parse(discover.StandardOutput);
        var tests = inventory.RootElement.GetProperty("tests").EnumerateArray()
            .Select(test => (
                Name: test.GetProperty("fullyQualifiedName").GetString(),
                Layer: test.GetProperty("layer").GetString(),
                LayerOrigin: test.GetProperty("layerOrigin").GetString(),
                Resources: string.Join(',', test.GetProperty("resources").EnumerateArray().Select(resource => resource.GetString())),
                ResourcesOrigin: test.GetProperty("resourcesOrigin").GetString()))
            .OrderBy(test => test.Name, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                (UntaggedPostgresSuite.EndToEndTest, "e2e", "rule", "postgres", "rule"),
                (UntaggedPostgresSuite.IntegrationTest, "integration", "rule", "postgres", "rule"),
            ],
            tests);
    }

    [Fact]
    public async Task Run_gives_each_partition_its_own_database_through_the_suites_own_variables()
    {
        await suite.AdoptAsync();
        var results = Path.Combine(suite.Root, "results-" + Guid.NewGuid().ToString("N"));

        var run = await ToolProcess.RunAsync(["run", "--cadence", "pr", "--config", suite.ConfigurationPath, "--results", results], TimeSpan.FromMinutes(6));

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.StandardOutput}\n{run.StandardError}");
        var integration = TrxReader.Read(Path.Combine(results, "integration.trx"));
        var endToEnd = TrxReader.Read(Path.Combine(results, "e2e.trx"));
        var integrationResult = Assert.Single(integration.Results);
        var endToEndResult = Assert.Single(endToEnd.Results);
        Assert.Equal(UntaggedPostgresSuite.IntegrationTest, integrationResult.Key.FullyQualifiedName);
        Assert.Equal(UntaggedPostgresSuite.EndToEndTest, endToEndResult.Key.FullyQualifiedName);
        Assert.Equal(TrxOutcome.Passed, integrationResult.Outcome);
        Assert.Equal(TrxOutcome.Passed, endToEndResult.Outcome);
        var integrationDatabase = await File.ReadAllTextAsync(Path.Combine(suite.ReportDirectory, UntaggedPostgresSuite.IntegrationProject + ".database"));
        var endToEndDatabase = await File.ReadAllTextAsync(Path.Combine(suite.ReportDirectory, UntaggedPostgresSuite.EndToEndProject + ".database"));
        Assert.NotEqual(integrationDatabase, endToEndDatabase);
        Assert.NotEqual("postgres", integrationDatabase);
    }
}
