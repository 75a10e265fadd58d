using System.Text.Json.Nodes;
using System.Xml.Linq;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// The built tool on the framework fixtures (tests/Fixtures): every selected case is counted by its identity, by
/// discovery's case list, through the logger, the unit's TRX and every report, whatever its name holds and however its
/// unit ended.
/// </summary>
[Trait("Category", "E2E")]
public sealed class CaseIdentityRunTests
{
    private static JsonObject Configuration(JsonArray resources, int unitSeconds = 600) => new()
    {
        ["layers"] = new JsonArray("unit", "integration", "e2e"),
        ["cadences"] = new JsonObject
        {
            ["commit"] = new JsonObject { ["layers"] = new JsonArray("e2e"), ["resources"] = resources, ["retries"] = 0 },
        },
        ["resources"] = new JsonObject
        {
            ["postgres"] = External(),
            ["redis"] = External(),
            ["rabbitmq"] = External(),
        },
        ["timeouts"] = new JsonObject { ["unitSeconds"] = unitSeconds },
        ["testEnvironment"] = new JsonObject { ["FIXTURE_HANG"] = "1" },
    };

    private static JsonObject External() => new() { ["kind"] = "external", ["description"] = "never connected to by the fixtures" };

    /// <summary>A workspace of the framework fixtures with only <paramref name="projects"/>' manifests.</summary>
    private static RunWorkspace Workspace(JsonObject configuration, params string[] projects)
    {
        var workspace = RunWorkspace.CreateWithFixtures(configuration, "frameworks");
        foreach (var manifest in Directory.GetFiles(workspace.ManifestDirectory).Where(file => !projects.Any(project => Path.GetFileName(file).StartsWith(project + "-", StringComparison.Ordinal))))
        {
            File.Delete(manifest);
        }
        return workspace;
    }

    [Fact]
    public async Task Nunit_cases_whose_arguments_leave_the_basic_multilingual_plane_pass_under_their_exact_names_in_every_report()
    {
        using var workspace = Workspace(Configuration([]), "NunitSample.Tests");
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 0, Describe(run));
        string[] names = ["NunitSample.StockTests.Celebrates(\"café 日本\")", "NunitSample.StockTests.Celebrates(\"𝔘\")", "NunitSample.StockTests.Celebrates(\"🎉\")"];
        Assert.Equal([.. names.Select(name => (name, "passed"))], JUnitCases(results));
        var trx = XDocument.Load(Assert.Single(Directory.GetFiles(results, "*.trx")));
        Assert.Equal(names, trx.Descendants().Where(element => element.Name.LocalName == "UnitTestResult").Select(result => (string)result.Attribute("testName")!).Order(StringComparer.Ordinal));
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.DoesNotContain("\\ud83c", summary + run.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("3 passed, 0 failed, 0 skipped", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_row_of_xunit_and_mstest_units_that_timed_out_before_reporting_is_not_run_on_its_own()
    {
        using var workspace = Workspace(Configuration(["postgres", "rabbitmq"], unitSeconds: 20), "XunitSample.Tests", "MstestSample.Tests");
        var results = Path.Combine(workspace.Root, "results");

        var run = await workspace.RunAsync("commit", results);

        Assert.True(run.ExitCode == 1, Describe(run));
        var notRun = JUnitCases(results).Where(testCase => testCase.Outcome == "error").Select(testCase => testCase.Name).ToList();
        // The unit's first test hangs until the unit's timeout kills it: the eleven rows of each Waits and XunitSample's two Rows, each on its own.
        Assert.Equal(24, notRun.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(11, notRun.Count(name => name.StartsWith("XunitSample.OrderTests.Waits(row: ", StringComparison.Ordinal)));
        Assert.Equal(11, notRun.Count(name => name.StartsWith("MstestSample.PaymentTests.Waits (", StringComparison.Ordinal)));
        Assert.Contains("24 selected test(s) produced no result", run.StandardOutput, StringComparison.Ordinal);
        var counters = XDocument.Load(Assert.Single(Directory.GetFiles(results, "*.trx"))).Descendants().Single(element => element.Name.LocalName == "Counters");
        Assert.Equal(("24", "0"), ((string)counters.Attribute("total")!, (string)counters.Attribute("passed")!));
    }

    /// <summary>Each JUnit test case of the run as its name and outcome, in ordinal order of names.</summary>
    private static List<(string Name, string Outcome)> JUnitCases(string results) =>
        [.. Directory.EnumerateFiles(results, "*.junit.xml")
            .SelectMany(file => XDocument.Load(file).Descendants("testcase"))
            .Select(testCase => ((string)testCase.Attribute("name")!, Outcome(testCase)))
            .OrderBy(testCase => testCase.Item1, StringComparer.Ordinal)];

    private static string Outcome(XElement testCase) =>
        testCase.Element("failure") is not null ? "failed"
        : testCase.Element("error") is not null ? "error"
        : testCase.Element("skipped") is not null ? "skipped"
        : "passed";

    private static string Describe(BufferedCommandResult run) => CoverageRunTests.Describe(run);
}
