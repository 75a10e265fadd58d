using System.Text.Json.Nodes;
using System.Xml.Linq;
using CliWrap.Buffered;
using Orchestrator.Cli.Tests.Run;
using Xunit;

namespace Orchestrator.Cli.Tests.TestingPlatform;

/// <summary>
/// The built tool on tests/Fixtures/Platform.TestConfig, an MSTest runner application whose testconfig.json maps an
/// inconclusive test to a failure and names a results directory of its own. The application reads its file when the
/// orchestrator starts it; the one setting the orchestrator overrides, and the VSTest-only testSettings, are warnings.
/// </summary>
[Trait("Category", "E2E")]
public sealed class TestConfigRunTests
{
    private const string Fixture = "Platform.TestConfig";

    private static JsonObject Configuration() => new()
    {
        ["layers"] = new JsonArray("unit"),
        ["cadences"] = new JsonObject
        {
            ["commit"] = new JsonObject { ["layers"] = new JsonArray("unit"), ["resources"] = new JsonArray(), ["retries"] = 0 },
        },
        ["testSettings"] = new JsonObject { ["loggers"] = new JsonArray("console;verbosity=normal") },
    };

    [Fact]
    public async Task The_applications_testconfig_json_takes_effect_and_what_the_orchestrator_overrides_in_it_is_a_warning()
    {
        using var workspace = RunWorkspace.CreateWithFixtureCopies(Configuration(), Fixture);
        var application = (string)JsonNode.Parse(await File.ReadAllTextAsync(Directory.EnumerateFiles(workspace.ManifestDirectory).Single()))!["targetPath"]!;
        var testConfig = Path.Combine(Path.GetDirectoryName(application)!, Fixture + ".testconfig.json");
        Assert.True(File.Exists(testConfig), $"the build copied no {testConfig}");

        var configured = await RunAsync(workspace, "configured");
        File.Delete(testConfig);
        var plain = await RunAsync(workspace, "plain");

        // mstest.execution.mapInconclusiveToFailed in the file: the inconclusive test fails; without the file it is skipped.
        Assert.True(configured.Run.ExitCode == 1, CoverageRunTests.Describe(configured.Run));
        Assert.Equal([("Inconclusive", "failed"), ("Passes", "passed")], configured.Outcomes);
        Assert.True(plain.Run.ExitCode == 0, CoverageRunTests.Describe(plain.Run));
        Assert.Equal([("Inconclusive", "skipped"), ("Passes", "passed")], plain.Outcomes);

        // platformOptions.resultDirectory: the orchestrator's --results-directory wins, and the run says so.
        var overridden = $"'{testConfig}' sets platformOptions.resultDirectory, which the orchestrator sets itself in every unit (--results-directory";
        Assert.Contains(overridden, configured.Run.StandardError, StringComparison.Ordinal);
        Assert.Contains(overridden, configured.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(overridden, plain.Run.StandardError, StringComparison.Ordinal);
        // Neither the listing nor the units wrote where the file says, nor into the build output (the platform's default).
        Assert.Empty(Directory.EnumerateDirectories(workspace.Root, "TestResultsFromTestConfig", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(application)!, "TestResults*", SearchOption.AllDirectories));

        // testSettings.loggers are passed to dotnet test only: the application never gets them, and the run says so.
        var vsTestOnly = $"testSettings.loggers in {workspace.ConfigurationPath} reach VSTest units only, not the Microsoft.Testing.Platform applications {Fixture}";
        Assert.Contains(vsTestOnly, plain.Run.StandardError, StringComparison.Ordinal);
        Assert.Contains(vsTestOnly, plain.Summary, StringComparison.Ordinal);
    }

    /// <summary>A run of the workspace's commit cadence into <paramref name="name"/>: its process, each JUnit test case's method and outcome, and summary.md.</summary>
    internal static async Task<(BufferedCommandResult Run, List<(string, string)> Outcomes, string Summary)> RunAsync(RunWorkspace workspace, string name)
    {
        var results = Path.Combine(workspace.Root, name);
        var run = await workspace.RunAsync("commit", results);
        List<(string, string)> outcomes = [.. Directory.EnumerateFiles(results, "*.junit.xml")
            .SelectMany(file => XDocument.Load(file).Descendants("testcase"))
            .Select(testCase => (((string)testCase.Attribute("name")!).Split('.')[^1],
                testCase.Element("failure") is not null ? "failed" : testCase.Element("skipped") is not null ? "skipped" : "passed"))
            .Order()];
        return (run, outcomes, await File.ReadAllTextAsync(Path.Combine(results, "summary.md")));
    }
}
