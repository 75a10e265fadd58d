using System.Text.Json.Nodes;
using System.Xml.Linq;
using Xunit;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>
/// Two agents with different local histories (one has a timings file, the other none) each run one shard of the same
/// plan: together they run the selection exactly once, their merge equals the unsharded run case for case, and a
/// merge that lacks a shard fails and names it.
/// </summary>
[Trait("Category", "E2E")]
public sealed class ShardedRunTests
{
    private static readonly XNamespace _trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    // Small units, so the unit tests split into several units that two shards share between them.
    internal static JsonObject Configuration() => new()
    {
        ["cadences"] = new JsonObject { ["commit"] = new JsonObject { ["layers"] = new JsonArray("unit"), ["resources"] = new JsonArray() } },
        ["parallelism"] = new JsonObject { ["maxParallelUnits"] = 2, ["targetUnitSeconds"] = 2, ["maxUnitsPerPartition"] = 4 },
    };

    [Fact]
    public async Task Shards_planned_on_agents_with_different_histories_cover_the_selection_once_and_merge_into_the_whole_run()
    {
        var unsharded = await UnshardedShopRun.GetAsync();
        using var withHistory = RunWorkspace.Create(Configuration(), "Shop.UnitTests");
        using var withoutHistory = RunWorkspace.Create(Configuration(), "Shop.UnitTests");
        // The first agent has run before: its own timings file would balance its split differently from the second's.
        var history = Path.Combine(withHistory.Root, ".orchestrator");
        Directory.CreateDirectory(history);
        await File.WriteAllTextAsync(Path.Combine(history, "timings.json"), unsharded.Timings);

        var first = Path.Combine(withHistory.Root, "shard-1");
        var second = Path.Combine(withoutHistory.Root, "shard-2");
        var one = await withHistory.RunAsync("commit", first, ["--shard", "1/2"]);
        var two = await withoutHistory.RunAsync("commit", second, ["--shard", "2/2"]);
        Assert.True(one.ExitCode == 0, one.StandardOutput + one.StandardError);
        Assert.True(two.ExitCode == 0, two.StandardOutput + two.StandardError);

        var merged = Path.Combine(withHistory.Root, "merged");
        var merge = await withHistory.ToolAsync(["merge", first, second, "--output", merged, "--layers", "unit"]);

        Assert.True(merge.ExitCode == 0, merge.StandardOutput + merge.StandardError);
        Assert.Equal(unsharded.Cases, Cases(merged));
        Assert.Equal(222, Cases(merged).Count);
    }

    [Fact]
    public async Task A_merge_missing_a_shard_fails_and_names_the_shard_and_its_tests()
    {
        using var workspace = RunWorkspace.Create(Configuration(), "Shop.UnitTests");
        var first = Path.Combine(workspace.Root, "shard-1");
        var one = await workspace.RunAsync("commit", first, ["--shard", "1/2"]);
        Assert.True(one.ExitCode == 0, one.StandardOutput + one.StandardError);

        var merged = Path.Combine(workspace.Root, "merged");
        var merge = await workspace.ToolAsync(["merge", first, "--output", merged, "--layers", "unit"]);

        Assert.True(merge.ExitCode == 1, $"exit code {merge.ExitCode}: {merge.StandardOutput}");
        var summary = await File.ReadAllTextAsync(Path.Combine(merged, "summary.md"));
        Assert.Contains("- **error** `shard 2/2`: Missing: no results of it were given to merge", summary, StringComparison.Ordinal);
        Assert.Contains("Shop.UnitTests:Shop.UnitTests.", summary, StringComparison.Ordinal);
    }

    /// <summary>Every top-level result of the unit layer: test name and outcome, in order.</summary>
    internal static List<(string Name, string Outcome)> Cases(string results) =>
        [.. XDocument.Load(Path.Combine(results, "unit.trx")).Root!.Element(_trx + "Results")!.Elements(_trx + "UnitTestResult")
            .Select(result => (result.Attribute("testName")!.Value, result.Attribute("outcome")!.Value))
            .Order()];
}
