using System.Text.Json.Nodes;
using System.Xml.Linq;
using Orchestrator.Cli.Tests.Run;
using Xunit;

namespace Orchestrator.Cli.Tests.TestingPlatform;

/// <summary>
/// A repository with one project per framework on each platform — xUnit v2, xunit.v3 (through xunit.runner.visualstudio),
/// NUnit and MSTest on VSTest; MSTest's runner, xunit.v3, NUnit's runner and TUnit on Microsoft.Testing.Platform — run by
/// the built tool as a real process with one retry, and the same repository once its global.json puts dotnet test in the
/// platform's mode. Every project in the selection has a test that fails on its first attempt only (FIXTURE_FLAKY_DIR,
/// see tests/Fixtures/PlatformBehaviour.cs): it is re-run and reported flaky, identically in both modes.
/// </summary>
[Trait("Category", "E2E")]
public sealed class MixedPlatformRepositoryTests
{
    /// <summary>The projects of the selection that have a flaky test; XunitSample.Tests (xUnit v2) runs too, without one.</summary>
    private static readonly string[] Selected =
        ["NunitSample.Tests", "MstestSample.Tests", "XunitV3Sample.Tests", "Platform.Mstest", "Platform.Xunit", "Platform.Nunit", "Platform.Tunit"];

    private static JsonObject Configuration(string flakyDirectory) => new()
    {
        ["layers"] = new JsonArray("unit", "integration", "e2e"),
        ["cadences"] = new JsonObject
        {
            ["commit"] = new JsonObject { ["layers"] = new JsonArray("unit", "integration", "e2e"), ["resources"] = new JsonArray("rabbitmq"), ["retries"] = 1 },
        },
        // XunitSample.Tests needs RabbitMQ for all its tests (a project default); its tests never connect, so an external
        // resource (no container) lets the xUnit v2 project into the selection. The others stay defined, and out of the cadence.
        ["resources"] = new JsonObject
        {
            ["postgres"] = External(),
            ["redis"] = External(),
            ["rabbitmq"] = External(),
        },
        ["testEnvironment"] = new JsonObject { ["FIXTURE_FLAKY_DIR"] = flakyDirectory },
    };

    private static JsonObject External() => new() { ["kind"] = "external", ["description"] = "never connected to by the fixtures" };

    [Fact]
    public async Task Both_platforms_run_retry_flaky_tests_and_a_global_json_in_the_platform_mode_gives_the_same_results()
    {
        // The fixtures' builds are copied under the workspace, so its global.json governs them.
        using var workspace = RunWorkspace.CreateWithFixtureCopies(Configuration(""), "frameworks", "platform");

        var plain = await RunAsync(workspace, "plain");
        await File.WriteAllTextAsync(Path.Combine(workspace.Root, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        Directory.Delete(Path.Combine(workspace.Root, ".orchestrator"), recursive: true);
        var platformMode = await RunAsync(workspace, "platform-mode");

        foreach (var assembly in Selected)
        {
            Assert.Contains(plain, result => result.Suite == assembly);
            // Each project's flaky test failed once, was re-run and passed.
            var flaky = Assert.Single(plain, result => result.Suite == assembly && result.Method == "Flaky");
            Assert.Equal(("flaky", 1), (flaky.Outcome, flaky.Reruns));
        }
        Assert.Equal(Selected.Length, plain.Count(result => result.Outcome == "flaky"));
        // A test that always fails failed again on its re-run (every selected project but MstestSample.Tests has one).
        var fails = plain.Where(result => result.Method == "Fails").ToList();
        Assert.Equal(Selected.Length - 1, fails.Count);
        Assert.All(fails, result => Assert.Equal(("failed", 1), (result.Outcome, result.Reruns)));
        Assert.Equal(4 * 5, plain.Count(result => result.Suite.StartsWith("Platform.", StringComparison.Ordinal)));
        // xunit.v3 through its VSTest adapter: both theory cases and the passing fact; Saves needs resources this cadence has not.
        Assert.Equal(
            ["Fails:failed", "Flaky:flaky", "Totals:passed", "Totals:passed"],
            plain.Where(result => result.Suite == "XunitV3Sample.Tests").Select(result => $"{result.Method}:{result.Outcome}").Order());
        // xUnit v2 through its adapter: the theory's two cases; its other tests need resources this cadence has not.
        Assert.Equal(
            ["Rows:passed", "Rows:passed"],
            plain.Where(result => result.Suite == "XunitSample.Tests").Select(result => $"{result.Method}:{result.Outcome}").Order());
        Assert.Equal(plain, platformMode);
    }

    private static async Task<List<CaseOutcome>> RunAsync(RunWorkspace workspace, string name)
    {
        var flakyDirectory = Directory.CreateDirectory(Path.Combine(workspace.Root, "flaky-" + name)).FullName;
        await File.WriteAllTextAsync(workspace.ConfigurationPath, Configuration(flakyDirectory).ToJsonString());
        var results = Path.Combine(workspace.Root, name);
        var run = await workspace.RunAsync("commit", results);
        // Some fixture tests fail on purpose, so the run fails; what matters is that it ran and reported them.
        Assert.True(run.ExitCode is 0 or 1, $"run exited {run.ExitCode}: {run.StandardOutput}{run.StandardError}");
        Assert.DoesNotContain("produced no result", run.StandardOutput, StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.True(summary.Contains($"### Flaky tests ({Selected.Length})", StringComparison.Ordinal), $"no flaky tests ({Selected.Length}) in summary.md:{Environment.NewLine}{summary}");
        return [.. Directory.EnumerateFiles(results, "*.junit.xml")
            .SelectMany(file => XDocument.Load(file).Descendants("testcase"))
            .Select(testCase => new CaseOutcome(
                Suite((string)testCase.Parent!.Attribute("name")!),
                (string)testCase.Attribute("classname")!,
                (string)testCase.Attribute("name")!,
                Outcome(testCase),
                testCase.Elements().Count(element => element.Name.LocalName is "flakyFailure" or "rerunFailure")))
            .Order()];
    }

    private static string Outcome(XElement testCase) =>
        testCase.Element("failure") is not null ? "failed"
        : testCase.Element("error") is not null ? "error"
        : testCase.Element("flakyFailure") is not null ? "flaky"
        : testCase.Element("skipped") is not null ? "skipped"
        : "passed";

    private static string Suite(string name) => name.Split(' ', '/')[0];

    private sealed record CaseOutcome(string Suite, string ClassName, string Name, string Outcome, int Reruns) : IComparable<CaseOutcome>
    {
        /// <summary>The test method: frameworks name a case by its method, its full name, or either with the case's arguments.</summary>
        public string Method => Name.Split('(')[0].Trim().Split('.')[^1];

        public int CompareTo(CaseOutcome? other) => string.CompareOrdinal(ToString(), other?.ToString());
    }
}
