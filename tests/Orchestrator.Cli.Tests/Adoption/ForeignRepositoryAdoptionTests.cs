using System.Text.Json;
using Orchestrator.Configuration;
using Orchestrator.Results.Trx;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
[Collection(AdoptionBuilds.Name)]
public sealed class ForeignRepositoryAdoptionTests(ForeignRepository repository) : IClassFixture<ForeignRepository>
{
    [Fact]
    public void Init_finds_the_solution_below_the_root_and_suggests_a_rule_per_test_project()
    {
        var config = ConfigurationLoader.Load(repository.ConfigurationPath);

        Assert.Equal("src/Inventory.slnx", config.Build.Solution);
        Assert.Equal(
            [
                (ForeignRepository.EndToEndProject, "e2e", "postgres"),
                (ForeignRepository.IntegrationProject, "integration", "postgres"),
                (ForeignRepository.UnitProject, "unit", ""),
            ],
            config.Rules.Select(rule => (rule.Assembly!, rule.Layer!, string.Join(',', rule.Resources))));
        using var written = JsonDocument.Parse(File.ReadAllText(repository.ConfigurationPath));
        var schema = new Uri(written.RootElement.GetProperty("$schema").GetString()!);
        Assert.Equal(Path.Combine(repository.Tool.ToolDirectory, "orchestrator.schema.json"), schema.LocalPath);
        Assert.True(File.Exists(schema.LocalPath));
        Assert.Contains("Inventory.UnitTests: reaches Npgsql (through Inventory) for postgres only through project references; as a unit test project it gets no resource", repository.Init.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_without_the_property_the_suite_needs_fails_naming_the_compiler_error_and_the_build_section()
    {
        Assert.Equal(2, repository.BuildWithoutProperty.ExitCode);
        Assert.Contains("error CS1029", repository.BuildWithoutProperty.StandardError, StringComparison.Ordinal);
        Assert.Contains("-p:InventoryConstants=", repository.BuildWithoutProperty.StandardError, StringComparison.Ordinal);
        Assert.Contains("\"properties\"", repository.BuildWithoutProperty.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_with_the_configured_property_writes_every_manifest_and_edits_no_project_file()
    {
        Assert.True(repository.Build.ExitCode == 0, repository.Build.StandardOutput + repository.Build.StandardError);
        Assert.Contains("-p:InventoryConstants=EDITION_COMMUNITY%3BFEATURE_AUDIT", repository.Build.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"-p:CustomAfterMicrosoftCommonTargets={Path.Combine(repository.Tool.ToolDirectory, "msbuild", "Orchestrator.MSBuild.targets")}", repository.Build.StandardOutput, StringComparison.Ordinal);
        var manifests = Directory.GetFiles(Path.Combine(repository.Root, "artifacts", "orchestrator", "manifests"), "*.json")
            .Select(path => Path.GetFileName(path).Split('-')[0])
            .Order(StringComparer.Ordinal);
        Assert.Equal([ForeignRepository.EndToEndProject, ForeignRepository.IntegrationProject, ForeignRepository.UnitProject], manifests);
        Assert.Equal(repository.ProjectFilesBefore, repository.ProjectFiles());
    }

    [Fact]
    public void The_package_ships_the_cake_aliases_a_cake_script_loads()
    {
        var shipped = Path.Combine(repository.Tool.PackageDirectory, "cake", "Orchestrator.cake");
        var source = Path.Combine(RepositoryPaths.Root(), "src", "Orchestrator.Cli", "cake", "Orchestrator.cake");

        Assert.True(File.Exists(shipped), $"The installed package has no {shipped}.");
        Assert.Equal(File.ReadAllText(source), File.ReadAllText(shipped));
    }

    [Fact]
    public void The_installed_tool_rolls_forward_to_a_newer_major_runtime_when_its_own_is_missing()
    {
        var runtimeConfig = Path.Combine(repository.Tool.ToolDirectory, "Orchestrator.Cli.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var options = config.RootElement.GetProperty("runtimeOptions");

        Assert.Equal("net10.0", options.GetProperty("tfm").GetString());
        Assert.True(options.TryGetProperty("rollForward", out var rollForward), $"{runtimeConfig} has no rollForward: the tool would not start where only a newer major runtime is installed.");
        Assert.Equal("Major", rollForward.GetString());
    }

    [Fact]
    public async Task Discover_and_plan_place_every_untagged_test_by_the_rules_init_wrote()
    {
        var discover = await repository.Tool.RunAsync(["discover", "--json"], TimeSpan.FromMinutes(3));
        // The tests of this class share one repository, so another may have run first: no pass of it is reused here.
        var plan = await repository.Tool.RunAsync(["plan", "--cadence", "pr", "--json", "--no-cache"], TimeSpan.FromMinutes(3));

        Assert.True(discover.ExitCode == 0, discover.StandardOutput + discover.StandardError);
        using var inventory = JsonDocument.Parse(discover.StandardOutput);
        Assert.Equal(
            [
                (ForeignRepository.EndToEndTest, "e2e", "postgres", "rule"),
                (ForeignRepository.IntegrationTest, "integration", "postgres", "rule"),
                (ForeignRepository.UnitTest, "unit", "", "rule"),
            ],
            inventory.RootElement.GetProperty("tests").EnumerateArray()
                .Select(test => (
                    test.GetProperty("fullyQualifiedName").GetString()!,
                    test.GetProperty("layer").GetString()!,
                    string.Join(',', test.GetProperty("resources").EnumerateArray().Select(resource => resource.GetString())),
                    test.GetProperty("layerOrigin").GetString()!))
                .OrderBy(test => test.Item1, StringComparer.Ordinal));
        Assert.True(plan.ExitCode == 0, plan.StandardOutput + plan.StandardError);
        Assert.Equal(
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["e2e-postgres"] = $"{ForeignRepository.EndToEndProject}:{ForeignRepository.EndToEndTest}",
                ["integration-postgres"] = $"{ForeignRepository.IntegrationProject}:{ForeignRepository.IntegrationTest}",
                ["unit-none"] = $"{ForeignRepository.UnitProject}:{ForeignRepository.UnitTest}",
            },
            PlanPartitions.Read(plan.StandardOutput));
    }

    [Fact]
    public async Task Run_with_build_gives_the_partitions_sharing_postgres_their_own_database_through_the_suites_template()
    {
        var results = Path.Combine(repository.Root, "results-" + Guid.NewGuid().ToString("N"));

        var run = await repository.Tool.RunAsync(["run", "--build", "--no-cache", "--cadence", "pr", "--results", results], TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Contains("Built src/Inventory.slnx (Release)", run.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("3 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        foreach (var (layer, test) in new[] { ("unit", ForeignRepository.UnitTest), ("integration", ForeignRepository.IntegrationTest), ("e2e", ForeignRepository.EndToEndTest) })
        {
            var result = Assert.Single(TrxReader.Read(Path.Combine(results, layer + ".trx")).Results);
            Assert.Equal((test, TrxOutcome.Passed), (result.Key.FullyQualifiedName, result.Outcome));
        }
        var integration = await File.ReadAllTextAsync(Path.Combine(repository.ReportDirectory, ForeignRepository.IntegrationProject + ".database"));
        var endToEnd = await File.ReadAllTextAsync(Path.Combine(repository.ReportDirectory, ForeignRepository.EndToEndProject + ".database"));
        Assert.NotEqual(integration, endToEnd);
        Assert.NotEqual("postgres", integration);
        Assert.NotEqual("postgres", endToEnd);
    }

    [Fact]
    public async Task Without_a_database_per_partition_the_same_suite_collides()
    {
        var shared = await repository.WithoutIsolationAsync();
        var results = Path.Combine(repository.Root, "results-" + Guid.NewGuid().ToString("N"));

        var run = await repository.Tool.RunAsync(["run", "--no-cache", "--cadence", "pr", "--config", shared, "--results", results], TimeSpan.FromMinutes(6));

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}:\n{run.StandardOutput}\n{run.StandardError}");
        var integration = Assert.Single(TrxReader.Read(Path.Combine(results, "integration.trx")).Results).Outcome;
        var endToEnd = Assert.Single(TrxReader.Read(Path.Combine(results, "e2e.trx")).Results).Outcome;
        Assert.Contains(TrxOutcome.Failed, (IEnumerable<TrxOutcome>)[integration, endToEnd]);
    }
}
