using System.Text.Json.Nodes;
using System.Xml.Linq;
using Orchestrator.Cli.Tests.Run;
using Xunit;

namespace Orchestrator.Cli.Tests.TestingPlatform;

/// <summary>
/// A repository with one project per framework on each platform — xUnit v2, NUnit and MSTest on VSTest; MSTest's
/// runner, xunit.v3, NUnit's runner and TUnit on Microsoft.Testing.Platform — run by the built tool as a real
/// process, and the same repository once its global.json puts dotnet test in the platform's mode.
/// </summary>
[Trait("Category", "E2E")]
public sealed class MixedPlatformRepositoryTests
{
    private static JsonObject Configuration() => new()
    {
        ["layers"] = new JsonArray("unit", "integration", "e2e"),
        ["cadences"] = new JsonObject
        {
            ["commit"] = new JsonObject { ["layers"] = new JsonArray("unit", "integration", "e2e"), ["resources"] = new JsonArray(), ["retries"] = 0 },
        },
    };

    [Fact]
    public async Task Both_platforms_run_and_a_global_json_in_the_platform_mode_gives_the_same_results()
    {
        // The fixtures' builds are copied under the workspace, so its global.json governs them.
        using var workspace = RunWorkspace.CreateWithFixtureCopies(Configuration(), "frameworks", "platform");

        var plain = await RunAsync(workspace, "plain");
        await File.WriteAllTextAsync(Path.Combine(workspace.Root, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        Directory.Delete(Path.Combine(workspace.Root, ".orchestrator"), recursive: true);
        var platformMode = await RunAsync(workspace, "platform-mode");

        // XunitSample.Tests needs RabbitMQ for all its tests (a project default), so this cadence leaves it out.
        foreach (var assembly in new[] { "NunitSample.Tests", "MstestSample.Tests", "Platform.Mstest", "Platform.Xunit", "Platform.Nunit", "Platform.Tunit" })
        {
            Assert.Contains(plain, result => result.Suite == assembly);
        }
        Assert.Equal(4 * 5, plain.Count(result => result.Suite.StartsWith("Platform.", StringComparison.Ordinal)));
        Assert.Equal(plain, platformMode);
    }

    private static async Task<List<CaseOutcome>> RunAsync(RunWorkspace workspace, string name)
    {
        var results = Path.Combine(workspace.Root, name);
        var run = await workspace.RunAsync("commit", results);
        // Some fixture tests fail on purpose, so the run fails; what matters is that it ran and reported them.
        Assert.True(run.ExitCode is 0 or 1, $"run exited {run.ExitCode}: {run.StandardOutput}{run.StandardError}");
        Assert.DoesNotContain("produced no result", run.StandardOutput, StringComparison.Ordinal);
        return [.. Directory.EnumerateFiles(results, "*.junit.xml")
            .SelectMany(file => XDocument.Load(file).Descendants("testcase"))
            .Select(testCase => new CaseOutcome(
                Suite((string)testCase.Parent!.Attribute("name")!),
                (string)testCase.Attribute("classname")!,
                (string)testCase.Attribute("name")!,
                testCase.Element("failure") is not null || testCase.Element("error") is not null))
            .Order()];
    }

    private static string Suite(string name) => name.Split(' ', '/')[0];

    private sealed record CaseOutcome(string Suite, string ClassName, string Name, bool Failed) : IComparable<CaseOutcome>
    {
        public int CompareTo(CaseOutcome? other) => string.CompareOrdinal(ToString(), other?.ToString());
    }
}
