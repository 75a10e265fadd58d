using System.Text.Json.Nodes;
using CliWrap.Buffered;
using Orchestrator.Cli.Tests.Run;
using Xunit;

namespace Orchestrator.Cli.Tests.Caching;

/// <summary>
/// The built tool over a copy of the Shop's build with Postgres, Redis and RabbitMQ, run with the <c>pr</c> cadence again
/// and again while one input at a time changes: a second run reuses every pass and starts no container, and each change
/// runs again exactly the tests that depend on it.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
[Trait("Resource", "postgres")]
[Trait("Resource", "redis")]
[Trait("Resource", "rabbitmq")]
public sealed class ResultCacheRunTests
{
    private static readonly string[] Projects = ["Shop.UnitTests", "Shop.IntegrationTests"];

    private static JsonObject Configuration()
    {
        var configuration = ShopServicesConfiguration.Create();
        configuration["cadences"] = new JsonObject
        {
            ["pr"] = new JsonObject { ["layers"] = new JsonArray("unit", "integration"), ["resources"] = new JsonArray("postgres", "redis", "rabbitmq"), ["retries"] = 0 },
        };
        configuration["cache"] = new JsonObject { ["inputs"] = new JsonArray("data/**") };
        return configuration;
    }

    [Fact]
    public async Task A_second_run_reuses_every_pass_and_each_changed_input_runs_again_exactly_the_tests_that_depend_on_it()
    {
        using var workspace = RunWorkspace.CreateWithCopies(Configuration(), Projects);
        Directory.CreateDirectory(Path.Combine(workspace.Root, "data"));
        await File.WriteAllTextAsync(Path.Combine(workspace.Root, "data", "prices.csv"), "sku,price\nA-1,10\n");

        var first = await RunAsync(workspace, "first");
        Assert.True(first.Result.ExitCode == 0, Describe(first.Result));
        Assert.Empty(first.CachedTests);
        Assert.NotEmpty(first.Containers);
        var all = first.RanTests;

        var second = await RunAsync(workspace, "second");
        Assert.True(second.Result.ExitCode == 0, Describe(second.Result));
        Assert.Empty(second.RanTests);
        Assert.Empty(second.Containers);
        Assert.Equal(all, second.CachedTests);
        Assert.Equal(first.Passed, second.Passed);
        Assert.EndsWith($"{first.Passed} passed, 0 failed, 0 skipped", second.Result.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains($"{all.Count} test(s) passed before with unchanged inputs and are not run again", second.Result.StandardError, StringComparison.Ordinal);
        await AssertEveryReportNamesTheRunAsync(second.Results, first.RunId, first.Passed);

        // A new build of the unit tests' project (a file added to its output) runs them, and nothing else.
        await File.WriteAllTextAsync(Path.Combine(OutputDirectory(workspace, "Shop.UnitTests"), "appsettings.Test.json"), """{ "Currency": "EUR" }""");
        var unitsRebuilt = await RunAsync(workspace, "units-rebuilt");
        Assert.True(unitsRebuilt.Result.ExitCode == 0, Describe(unitsRebuilt.Result));
        Assert.Equal(all.Where(test => test.StartsWith("Shop.UnitTests:", StringComparison.Ordinal)), unitsRebuilt.RanTests);
        Assert.Equal(all.Where(test => !test.StartsWith("Shop.UnitTests:", StringComparison.Ordinal)), unitsRebuilt.CachedTests);
        Assert.Empty(unitsRebuilt.Containers);

        // What the Postgres tests are given changes: they run again, in a Postgres container; the rest is reused.
        var explainedBefore = await PlanAsync(workspace);
        var configuration = Configuration();
        configuration["resources"]!["postgres"]!["variables"]!["ConnectionStrings__Postgres"] = "Host={host};Port={port};Username=postgres;Password={secret};Database={namespace};Application Name=shop-tests";
        await File.WriteAllTextAsync(workspace.ConfigurationPath, configuration.ToJsonString());
        var explained = await PlanAsync(workspace);
        Assert.All(explainedBefore, scope => Assert.Equal(0, (int)scope!["run"]!));
        var postgresScopes = explained.Where(scope => ((string)scope!["resources"]!).Split('+').Contains("postgres")).ToList();
        Assert.NotEmpty(postgresScopes);
        Assert.All(postgresScopes, scope => Assert.Contains("resource postgres changed", (string?)scope!["reason"], StringComparison.Ordinal));
        Assert.All(explained.Except(postgresScopes), scope => Assert.Equal(0, (int)scope!["run"]!));
        var postgresChanged = await RunAsync(workspace, "postgres-changed");
        Assert.True(postgresChanged.Result.ExitCode == 0, Describe(postgresChanged.Result));
        Assert.Equal(postgresScopes.Sum(scope => (int)scope!["run"]!), postgresChanged.RanTests.Count);
        // Containers only for what those tests need (Postgres, and the other services some of them use as well).
        Assert.Equal(
            postgresScopes.SelectMany(scope => ((string)scope!["resources"]!).Split('+')).Distinct().Order(StringComparer.Ordinal),
            postgresChanged.Containers.Distinct());

        // A declared input changes: every test may read it, so every test runs again.
        await File.WriteAllTextAsync(Path.Combine(workspace.Root, "data", "prices.csv"), "sku,price\nA-1,12\n");
        var dataChanged = await PlanAsync(workspace);
        Assert.All(dataChanged, scope => Assert.Equal((0, "since the last pass: input data/** changed"), ((int)scope!["reused"]!, (string?)scope["reason"])));

        // Nothing changed since the last run, and --no-cache still runs everything.
        var forced = await RunAsync(workspace, "forced", "--no-cache");
        Assert.True(forced.Result.ExitCode == 0, Describe(forced.Result));
        Assert.Equal(all, forced.RanTests);
        Assert.Empty(forced.CachedTests);
    }

    private static async Task AssertEveryReportNamesTheRunAsync(string results, string firstRunId, int count)
    {
        var note = $"Cached: passed in run {firstRunId}";
        var summary = await File.ReadAllTextAsync(Path.Combine(results, "summary.md"));
        Assert.Contains($"({count} of them from the result cache)", summary, StringComparison.Ordinal);
        Assert.Contains($"**Cached**: {count} of the passed tests", summary, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(results, "report.html"));
        Assert.Contains("(cached)</span>", html, StringComparison.Ordinal);
        foreach (var layer in new[] { "unit", "integration" })
        {
            var trx = await File.ReadAllTextAsync(Path.Combine(results, $"{layer}.trx"));
            Assert.Contains(note, trx, StringComparison.Ordinal);
            Assert.DoesNotContain("outcome=\"Failed\"", trx, StringComparison.Ordinal);
            var junit = await File.ReadAllTextAsync(Path.Combine(results, $"{layer}.junit.xml"));
            Assert.Contains(note, junit, StringComparison.Ordinal);
        }
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        Assert.Equal(count, (int)record["verdict"]!["cached"]!);
    }

    private static string OutputDirectory(RunWorkspace workspace, string project)
    {
        var manifest = Directory.GetFiles(workspace.ManifestDirectory, $"{project}-*.json").Single();
        return Path.GetDirectoryName((string)JsonNode.Parse(File.ReadAllText(manifest))!["targetPath"]!)!;
    }

    private static async Task<CachedRun> RunAsync(RunWorkspace workspace, string name, params string[] more)
    {
        var results = Path.Combine(workspace.Root, "results-" + name);
        var result = await workspace.RunAsync("pr", results, more);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(results, "run.json")))!;
        var units = record["units"]!.AsArray();
        List<string> TestsOf(bool cached) =>
        [
            .. units.Where(unit => (bool?)unit!["cached"] == cached)
                .SelectMany(unit => unit!["expectedTests"]!.AsArray())
                .Select(test => $"{test!["assembly"]}:{test["fullyQualifiedName"]}")
                .Order(StringComparer.Ordinal),
        ];
        return new CachedRun(
            result,
            results,
            (string)record["runId"]!,
            (int)record["verdict"]!["passed"]!,
            TestsOf(cached: false),
            TestsOf(cached: true),
            [.. record["containers"]!.AsArray().Select(container => (string)container!["resource"]!).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The result cache's decision per assembly and resource set, as <c>plan --explain --json</c> states it.</summary>
    private static async Task<List<JsonNode?>> PlanAsync(RunWorkspace workspace)
    {
        var plan = await workspace.ToolAsync(["plan", "--config", workspace.ConfigurationPath, "--cadence", "pr", "--json"]);
        Assert.True(plan.ExitCode == 0, Describe(plan));
        return [.. JsonNode.Parse(plan.StandardOutput)!["cache"]!.AsArray()];
    }

    private static string Describe(BufferedCommandResult result) => $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}";

    private sealed record CachedRun(BufferedCommandResult Result, string Results, string RunId, int Passed, List<string> RanTests, List<string> CachedTests, List<string> Containers);
}
