using Orchestrator.Caching;
using Xunit;

namespace Orchestrator.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class CacheKeyTests
{
    private static readonly CacheInput Output = new("assembly output", "aa");
    private static readonly CacheInput Settings = new("run settings", "bb");
    private static readonly CacheInput Postgres = new("resource postgres", "cc");

    [Fact]
    public void The_order_inputs_are_gathered_in_does_not_change_the_key()
    {
        Assert.Equal(CacheKey.Of([Output, Settings, Postgres]).Value, CacheKey.Of([Postgres, Output, Settings]).Value);
    }

    [Fact]
    public void Any_changed_digest_changes_the_key()
    {
        var before = CacheKey.Of([Output, Settings]);

        Assert.NotEqual(before.Value, CacheKey.Of([Output, Settings with { Digest = "bc" }]).Value);
        Assert.NotEqual(before.Value, CacheKey.Of([Output]).Value);
    }

    [Fact]
    public void Names_and_digests_cannot_trade_characters_and_keep_the_key()
    {
        Assert.NotEqual(CacheKey.Of([new("ab", "c=d")]).Value, CacheKey.Of([new("ab=c", "d")]).Value);
    }

    [Fact]
    public void An_input_named_twice_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => CacheKey.Of([Output, Output with { Digest = "ff" }]));

        Assert.Contains("'assembly output'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_since_an_earlier_key_name_each_input_that_changed_came_or_went()
    {
        var earlier = CacheKey.Of([Output, Settings, Postgres]);
        var now = CacheKey.Of([Output with { Digest = "a2" }, Settings, new CacheInput("resource redis", "dd")]);

        var changes = now.ChangesSince(earlier);

        Assert.Equal(
            ["assembly output changed", "resource postgres (no longer an input)", "resource redis (new input)"],
            changes.Select(change => change.ToString()));
        Assert.Empty(now.ChangesSince(now));
    }
}
