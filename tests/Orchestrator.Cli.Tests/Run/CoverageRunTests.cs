using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// The built tool, run as a real process on tests/Fixtures/Coverage.Fixture: a suite over two layers (so two units) that
/// references coverlet.collector and has a project .runsettings one of its tests needs. Coverage merged from the units is
/// what one plain <c>dotnet test --collect "XPlat Code Coverage"</c> of the same tests measures; without coverage no
/// collector runs; the project's settings reach the tests, and a value the orchestrator overrides is a warning.
/// Each test runs on a copy of the fixture's build: coverlet instruments the assemblies in place, so two test processes
/// measuring one build output at the same time would count each other's hits.
/// </summary>
[Trait("Category", "E2E")]
public sealed class CoverageRunTests
{
    private const string Fixture = "Coverage.Fixture";

    [Fact]
    public async Task Merged_coverage_of_two_units_equals_what_one_plain_dotnet_test_collect_measures()
    {
        using var workspace = RunWorkspace.CreateWithFixtureCopies(Configuration(), Fixture);
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results, ["--coverage"]);

        Assert.True(run.ExitCode == 0, Describe(run));
        var units = (JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!["units"]!.AsArray());
        Assert.Equal(2, units.Count);
        Assert.All(units, unit => Assert.Single(unit!["coverageFiles"]!.AsArray()));
        var merged = CoberturaTotals.Read(Path.Combine(results, "coverage.cobertura.xml"));
        var plain = await PlainRunTotalsAsync(workspace);
        Assert.Equal(plain, merged);
        // The merge matters: each layer alone took fewer branch paths than both together.
        Assert.All(["unit", "integration"], layer => Assert.True(
            CoberturaTotals.Read(Path.Combine(results, $"coverage.{layer}.cobertura.xml")).BranchesCovered < merged.BranchesCovered,
            $"the {layer} layer alone covers as many branch paths as the whole run"));
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.Contains(merged.SummaryRow("**all**", "coverage.cobertura.xml"), summary, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"));
        Assert.Contains($"data-layer=\"all\" data-line-rate=\"{merged.LineRate}\" data-branch-rate=\"{merged.BranchRate}\"", html, StringComparison.Ordinal);
        Assert.Contains($"Coverage: lines {merged.LinePercent}", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_coverage_off_no_collector_runs()
    {
        using var workspace = RunWorkspace.CreateWithFixtureCopies(Configuration(), Fixture);
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 0, Describe(run));
        Assert.Equal(2, Directory.EnumerateFiles(results, "unit.runsettings", SearchOption.AllDirectories).Count());
        NoCoverage.Assert(results, run);
    }

    [Fact]
    public async Task The_projects_runsettings_reach_the_tests_and_a_value_the_orchestrator_overrides_is_a_warning()
    {
        var configuration = Configuration();
        configuration["testSettings"] = new JsonObject { ["runSettings"] = "ci.runsettings" };
        configuration["testEnvironment"] = new JsonObject { ["ORDERS_DATABASE"] = "orders_test" };
        using var workspace = RunWorkspace.CreateWithFixtureCopies(configuration, Fixture);
        var ciSettings = Path.Combine(workspace.Root, "ci.runsettings");
        await File.WriteAllTextAsync(ciSettings, """
            <RunSettings>
              <RunConfiguration><TestCaseFilter>Category=none</TestCaseFilter><EnvironmentVariables><CI_ONLY>yes</CI_ONLY><ORDERS_DATABASE>orders</ORDERS_DATABASE></EnvironmentVariables></RunConfiguration>
            </RunSettings>
            """);
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        // The fixture's Project_runsettings_reach_the_tests fails unless the project's environment variable reached it;
        // the shared file's filter would have selected nothing.
        Assert.True(run.ExitCode == 0, Describe(run));
        Assert.EndsWith("5 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        var unitTrx = XDocument.Load(Path.Combine(results, "unit.trx"));
        var settingsTest = unitTrx.Descendants().Single(element => element.Name.LocalName == "UnitTestResult" && element.Attribute("testName")!.Value.EndsWith("Project_runsettings_reach_the_tests", StringComparison.Ordinal));
        Assert.Equal("Passed", settingsTest.Attribute("outcome")!.Value);
        var warning = $"'{ciSettings}' sets RunConfiguration/TestCaseFilter, which the orchestrator sets itself";
        Assert.Contains(warning, run.StandardError, StringComparison.Ordinal);
        Assert.Contains(warning, await File.ReadAllTextAsync(Path.Combine(results, "summary.md")), StringComparison.Ordinal);
        var merged = XDocument.Load(Directory.EnumerateFiles(results, "unit.runsettings", SearchOption.AllDirectories).First()).Root!.Element("RunConfiguration")!;
        Assert.Equal("yes", merged.Element("EnvironmentVariables")!.Element("CI_ONLY")!.Value);
        Assert.Equal("from-project-runsettings", merged.Element("EnvironmentVariables")!.Element("COVERAGE_FIXTURE_SETTING")!.Value);
        // A variable the orchestrator gives every unit stays the unit's own: the file's would point every partition at one database.
        Assert.Null(merged.Element("EnvironmentVariables")!.Element("ORDERS_DATABASE"));
        Assert.Contains($"'{ciSettings}' sets RunConfiguration/EnvironmentVariables/ORDERS_DATABASE, which the orchestrator sets itself", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runsettings_file_that_does_not_exist_stops_the_run_naming_it()
    {
        var configuration = Configuration();
        configuration["testSettings"] = new JsonObject { ["runSettings"] = "missing.runsettings" };
        using var workspace = RunWorkspace.CreateWithFixtureCopies(configuration, Fixture);

        var run = await workspace.RunAsync("commit", Path.Combine(workspace.Root, "results"));

        Assert.True(run.ExitCode == 2, Describe(run));
        Assert.Contains($"'{Path.Combine(workspace.Root, "missing.runsettings")}', which does not exist", run.StandardError + run.StandardOutput, StringComparison.Ordinal);
    }

    private static JsonObject Configuration() => new()
    {
        ["layers"] = new JsonArray("unit", "integration"),
        ["cadences"] = new JsonObject
        {
            ["commit"] = new JsonObject { ["layers"] = new JsonArray("unit", "integration"), ["resources"] = new JsonArray(), ["retries"] = 0 },
        },
    };

    /// <summary>The fixture's tests in one <c>dotnet test</c> with coverlet, as a team would run them without the orchestrator.</summary>
    private static async Task<CoberturaTotals> PlainRunTotalsAsync(RunWorkspace workspace)
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Directory.EnumerateFiles(workspace.ManifestDirectory, "*.json").Single()))!;
        var plainResults = Path.Combine(workspace.Root, "plain");
        var plain = await workspace.ProcessAsync("dotnet",
        [
            "test", (string)manifest["targetPath"]!, "--collect", "XPlat Code Coverage",
            "--settings", (string)manifest["runSettingsFilePath"]!,
            "--test-adapter-path", (string)manifest["coverageCollectorDirectory"]!,
            "--results-directory", plainResults,
        ]);
        Assert.True(plain.ExitCode == 0, Describe(plain));
        return CoberturaTotals.Read(Directory.EnumerateFiles(plainResults, "coverage.cobertura.xml", SearchOption.AllDirectories).Single());
    }

    internal static string Describe(BufferedCommandResult result) =>
        $"exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}";
}
