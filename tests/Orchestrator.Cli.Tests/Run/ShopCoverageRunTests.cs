using System.Text.Json.Nodes;
using System.Xml.Linq;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// The built tool over a copy of the Shop sample's build, with the commit cadence's selection (unit tests and the
/// integration tests that need no resource; no container): the VSTest projects measure with coverlet's collector and
/// Shop.ContractTests, on Microsoft.Testing.Platform, with coverlet's extension. Copies, because coverlet instruments
/// Shop.dll beside each test assembly in place, and other tests run the same build output.
/// </summary>
[Trait("Category", "E2E")]
public sealed class ShopCoverageRunTests
{
    private static readonly string[] Projects = ["Shop.UnitTests", "Shop.IntegrationTests", "Shop.ContractTests", "Shop.EndToEndTests"];

    /// <summary>The Shop's resources, declared but not started: the commit cadence runs unit and integration tests that need none.</summary>
    private static JsonObject Configuration()
    {
        var configuration = RunReports.ShopConfiguration("postgres", "redis", "rabbitmq");
        configuration["cadences"]!["commit"]!["layers"] = new JsonArray("unit", "integration");
        return configuration;
    }

    [Fact]
    public async Task With_coverage_on_the_merged_cobertura_of_each_layer_and_of_the_run_covers_the_shop_and_the_summary_states_its_rates()
    {
        using var workspace = RunWorkspace.CreateWithCopies(Configuration(), Projects);
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results, ["--coverage"]);

        Assert.True(run.ExitCode == 0, CoverageRunTests.Describe(run));
        // Every unit handed coverage over, the contract tests' Microsoft.Testing.Platform unit included.
        var units = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!["units"]!.AsArray();
        Assert.All(units, unit => Assert.NotEmpty(unit!["coverageFiles"]!.AsArray()));
        var contract = Assert.Single(units, unit => unit!["expectedTests"]!.AsArray().Any(test => (string)test!["assembly"]! == "Shop.ContractTests"))!;
        var contractCoverage = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, (string)Assert.Single(contract["coverageFiles"]!.AsArray())!)))!.AsObject();
        Assert.Contains("Shop.dll", contractCoverage.Select(module => Path.GetFileName(module.Key)));

        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        foreach (var (layer, file) in new[] { ("unit", "coverage.unit.cobertura.xml"), ("integration", "coverage.integration.cobertura.xml"), ("**all**", "coverage.cobertura.xml") })
        {
            var path = Path.Combine(results, file);
            var totals = CoberturaTotals.Read(path);
            Assert.True(totals.LinesCovered > 0 && totals.LinesCovered <= totals.LinesValid, $"{file}: {totals}");
            Assert.True(totals.BranchesCovered > 0 && totals.BranchesCovered <= totals.BranchesValid, $"{file}: {totals}");
            var packages = XDocument.Load(path).Descendants("package").ToDictionary(package => (string)package.Attribute("name")!, StringComparer.Ordinal);
            // The production assembly, measured; the test assemblies themselves are not.
            Assert.True(packages.TryGetValue("Shop", out var shop), $"{file} has no package Shop: {string.Join(", ", packages.Keys)}");
            Assert.Contains(shop.Descendants("line"), line => (string)line.Attribute("hits")! != "0");
            Assert.DoesNotContain(packages.Keys, name => name.EndsWith("Tests", StringComparison.Ordinal));
            Assert.Contains(totals.SummaryRow(layer, file), summary, StringComparison.Ordinal);
        }
        // The whole run took more of the Shop than either layer alone.
        var all = CoberturaTotals.Read(Path.Combine(results, "coverage.cobertura.xml"));
        Assert.All(["unit", "integration"], layer =>
            Assert.True(CoberturaTotals.Read(Path.Combine(results, $"coverage.{layer}.cobertura.xml")).LinesCovered < all.LinesCovered, $"the {layer} layer alone covers as many lines as the run"));
        Assert.Contains($"Coverage: lines {all.LinePercent}", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_coverage_off_no_collector_runs_and_no_coverage_file_is_written()
    {
        using var workspace = RunWorkspace.CreateWithCopies(Configuration(), Projects);
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 0, CoverageRunTests.Describe(run));
        NoCoverage.Assert(results, run);
        Assert.Empty(Directory.EnumerateFiles(workspace.Root, "coverage*.json", SearchOption.AllDirectories));
    }
}
