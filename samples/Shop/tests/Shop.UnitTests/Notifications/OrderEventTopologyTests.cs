using Shop.Notifications;
using Xunit;

namespace Shop.UnitTests.Notifications;

[Trait("Category", "Unit")]
public sealed class OrderEventTopologyTests
{
    [Fact]
    public void Every_name_derives_from_the_prefix()
    {
        var topology = new OrderEventTopology("shop", TimeSpan.FromSeconds(5));

        Assert.Equal(
            ["shop.orders", "shop.notifications", "shop.notifications.retry", "shop.orders.dead", "shop.notifications.dead"],
            [topology.Exchange, topology.Queue, topology.RetryQueue, topology.DeadLetterExchange, topology.DeadLetterQueue]);
    }

    [Fact]
    public void Names_of_two_prefixes_never_collide()
    {
        var first = new OrderEventTopology("test.a", TimeSpan.Zero);
        var second = new OrderEventTopology("test.b", TimeSpan.Zero);

        Assert.Empty(Names(first).Intersect(Names(second)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/es")]
    [InlineData("amq#")]
    public void Prefixes_that_are_not_safe_names_are_refused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new OrderEventTopology(prefix, TimeSpan.Zero));
    }

    private static string[] Names(OrderEventTopology topology) =>
        [topology.Exchange, topology.Queue, topology.RetryQueue, topology.DeadLetterExchange, topology.DeadLetterQueue];
}
