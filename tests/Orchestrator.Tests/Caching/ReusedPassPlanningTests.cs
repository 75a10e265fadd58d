using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;
using static Orchestrator.Tests.Planning.Inventories;

namespace Orchestrator.Tests.Caching;

/// <summary>The planner leaves reused passes out: before balancing in a whole plan, after the split in a shard.</summary>
[Trait("Category", "Unit")]
public sealed class ReusedPassPlanningTests
{
    private static readonly OrchestratorConfiguration _config = new()
    {
        Cadences = new Dictionary<string, CadenceDefinition>
        {
            ["pr"] = new("pr", ["unit", "integration"], ["postgres"]),
        }.ToImmutableDictionary(),
        Parallelism = new ParallelismSettings(2, 8, TimeSpan.FromSeconds(1), 4) { PackBelow = TimeSpan.Zero },
    };

    private static readonly TestInventory _inventory = Of(
    [
        .. Enumerable.Range(1, 8).Select(index => Test($"A.Unit{index}")),
        .. Enumerable.Range(1, 6).Select(index => Test($"A.Db{index}", "integration", ["postgres"], assembly: "Db.Tests")),
    ]);

    private static readonly TimingHistory _history = TimingHistory.From(
        _inventory.Tests.ToDictionary(test => test.Key, test => TimeSpan.FromSeconds(10)),
        new Dictionary<string, TimeSpan>());

    private static Dictionary<TestKey, string> Reused(params string[] names) =>
        _inventory.Tests.Where(test => names.Contains(test.Key.FullyQualifiedName)).ToDictionary(test => test.Key, _ => "passed in run r1 with the same inputs");

    [Fact]
    public void A_whole_plan_leaves_reused_tests_out_with_the_reason_and_balances_only_what_is_left()
    {
        var reused = Reused([.. Enumerable.Range(1, 6).Select(index => $"A.Db{index}"), "A.Unit1", "A.Unit2"]);

        var plan = Planner.Plan(_inventory, _config, "pr", _history, reused: reused);

        Assert.Equal(
            ["A.Unit3", "A.Unit4", "A.Unit5", "A.Unit6", "A.Unit7", "A.Unit8"],
            plan.Units.SelectMany(unit => unit.Tests).Select(test => test.FullyQualifiedName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(plan.Partitions, partition => partition.Resources.Contains("postgres"));
        var cached = plan.Exclusions.Where(exclusion => exclusion.Reason == ExclusionReason.Cached).ToList();
        Assert.Equal(8, cached.Count);
        Assert.All(cached, exclusion => Assert.Equal("passed in run r1 with the same inputs", exclusion.Detail));
        Assert.Equal(TimeSpan.FromSeconds(60), plan.Prediction.TotalWork);
        Assert.Null(SelectionCheck.Of(plan));
    }

    [Fact]
    public void A_shard_splits_as_every_other_agent_does_and_then_leaves_its_reused_tests_out()
    {
        var shard = new Shard(1, 2);
        var whole = Planner.Plan(_inventory, _config, "pr", _history, shard);
        var kept = whole.Units.SelectMany(unit => unit.Tests).ToList();
        var reusedName = kept[0].FullyQualifiedName;

        var plan = Planner.Plan(_inventory, _config, "pr", _history, shard, reused: Reused(reusedName, "A.NotInThisShard"));

        Assert.Equal(whole.Split!.Fingerprint, plan.Split!.Fingerprint);
        Assert.Equal(kept.Where(test => test.FullyQualifiedName != reusedName).Order(TestKey.Ordinal), plan.Units.SelectMany(unit => unit.Tests).Order(TestKey.Ordinal));
        Assert.Equal(whole.Units.Select(unit => unit.Id).Order(StringComparer.Ordinal), plan.Units.Select(unit => unit.Id).Order(StringComparer.Ordinal));
        var trimmed = plan.Units.Single(unit => whole.Units.Single(original => original.Id == unit.Id).Tests.Count != unit.Tests.Count);
        Assert.DoesNotContain(reusedName, trimmed.Filter, StringComparison.Ordinal);
        Assert.Equal(trimmed.Tests.Count, trimmed.ExpectedResults);
        Assert.Equal(reusedName, Assert.Single(plan.Exclusions, exclusion => exclusion.Reason == ExclusionReason.Cached).Test.FullyQualifiedName);
    }

    [Fact]
    public void A_plan_whose_every_test_is_reused_has_nothing_to_run_and_is_no_empty_selection()
    {
        var plan = Planner.Plan(_inventory, _config, "pr", _history, reused: Reused([.. _inventory.Tests.Select(test => test.Key.FullyQualifiedName)]));

        Assert.Empty(plan.Units);
        Assert.Null(SelectionCheck.Of(plan));
    }
}
