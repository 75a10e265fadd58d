using Orchestrator.Caching;
using Orchestrator.Results.Trx;
using Xunit;

namespace Orchestrator.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class ScopeCacheDecisionTests
{
    private static readonly CacheScope Scope = new("tests/Shop.Tests/bin/Shop.Tests.dll", "postgres");
    private static readonly CacheKey Key = CacheKey.Of([new("assembly output", "aa"), new("run settings", "bb")]);
    private static readonly DateTimeOffset Recorded = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static CachedPass Pass(string test, string run = "run-1") => new(test, [new CachedCase(test, $"id-{test}", TimeSpan.FromMilliseconds(120), new TrxTestDefinition(test, null, null, null, "A", test))], run, Recorded);

    [Fact]
    public void Without_an_entry_every_planned_test_runs_and_the_reason_says_none_was_recorded()
    {
        var decision = ScopeCacheDecision.For(Scope, Key, stored: null, ["A.One", "A.Two"]);

        Assert.Empty(decision.Reused);
        Assert.Equal(["A.One", "A.Two"], decision.ToRun);
        Assert.Equal("no pass recorded for this assembly and resource set", decision.Reason);
    }

    [Fact]
    public void Under_the_same_key_recorded_passes_are_reused_and_the_rest_run()
    {
        var stored = CacheEntry.First(Scope, Key, [Pass("A.One"), Pass("A.Three")]);

        var decision = ScopeCacheDecision.For(Scope, Key, stored, ["A.One", "A.Two"]);

        Assert.Equal(["A.One"], decision.Reused.Select(pass => pass.FullyQualifiedName));
        Assert.Equal(["A.Two"], decision.ToRun);
        Assert.Contains("no recorded pass", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_another_key_nothing_is_reused_and_the_changed_inputs_are_named()
    {
        var stored = CacheEntry.First(Scope, Key, [Pass("A.One")]);
        var changed = CacheKey.Of([new("assembly output", "a2"), new("run settings", "bb")]);

        var decision = ScopeCacheDecision.For(Scope, changed, stored, ["A.One"]);

        Assert.Empty(decision.Reused);
        Assert.Equal(["A.One"], decision.ToRun);
        Assert.Equal("since the last pass: assembly output changed", decision.Reason);
    }

    [Fact]
    public void All_reused_leaves_no_reason()
    {
        var stored = CacheEntry.First(Scope, Key, [Pass("A.One")]);

        Assert.Null(ScopeCacheDecision.For(Scope, Key, stored, ["A.One"]).Reason);
    }

    [Fact]
    public void A_new_pass_under_the_same_key_joins_the_entry_and_replaces_an_older_pass_of_its_test()
    {
        var stored = CacheEntry.First(Scope, Key, [Pass("A.One"), Pass("A.Two")]);

        var updated = stored.With(Key, [Pass("A.Two", "run-2"), Pass("A.Three", "run-2")]);

        Assert.Equal(
            [("A.One", "run-1"), ("A.Three", "run-2"), ("A.Two", "run-2")],
            updated.Passes.Select(pass => (pass.FullyQualifiedName, pass.RunId)));
    }

    [Fact]
    public void Passes_under_a_new_key_replace_every_pass_of_the_old_one()
    {
        var stored = CacheEntry.First(Scope, Key, [Pass("A.One"), Pass("A.Two")]);
        var changed = CacheKey.Of([new("assembly output", "a2")]);

        var updated = stored.With(changed, [Pass("A.Two", "run-2")]);

        Assert.Equal(changed, updated.Key);
        Assert.Equal(["A.Two"], updated.Passes.Select(pass => pass.FullyQualifiedName));
    }
}
