using System.Text;
using Shop.Notifications;
using Xunit;

namespace Shop.UnitTests.Notifications;

[Trait("Category", "Unit")]
public sealed class OrderEventJsonTests
{
    [Fact]
    public void An_event_survives_a_round_trip()
    {
        var orderEvent = new OrderEvent(Guid.NewGuid(), Guid.NewGuid(), 3, OrderEventKind.Shipped, "c-9");

        Assert.Equal(orderEvent, OrderEventJson.TryDeserialize(OrderEventJson.Serialize(orderEvent)));
    }

    [Fact]
    public void The_kind_is_written_as_text_for_other_consumers()
    {
        var json = Encoding.UTF8.GetString(OrderEventJson.Serialize(new OrderEvent(Guid.NewGuid(), Guid.NewGuid(), 1, OrderEventKind.Cancelled, "c")));

        Assert.Contains("\"kind\":\"Cancelled\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"eventId\":\"00000000-0000-0000-0000-000000000000\",\"orderId\":\"5f0c2a4e-8f8e-4a57-9c43-6c1d2f1f0a11\",\"sequence\":1,\"kind\":\"Placed\",\"customerId\":\"c\"}")]
    [InlineData("{\"eventId\":\"5f0c2a4e-8f8e-4a57-9c43-6c1d2f1f0a11\",\"orderId\":\"5f0c2a4e-8f8e-4a57-9c43-6c1d2f1f0a12\",\"sequence\":0,\"kind\":\"Placed\",\"customerId\":\"c\"}")]
    [InlineData("{\"eventId\":\"5f0c2a4e-8f8e-4a57-9c43-6c1d2f1f0a11\",\"orderId\":\"5f0c2a4e-8f8e-4a57-9c43-6c1d2f1f0a12\",\"sequence\":1,\"kind\":\"Exploded\",\"customerId\":\"c\"}")]
    [InlineData("{\"eventId\":\"5f0c2a4e-8f8e-4a57-9c43-6c1d2f1f0a11\",\"orderId\":\"5f0c2a4e-8f8e-4a57-9c43-6c1d2f1f0a12\",\"sequence\":1,\"kind\":\"Placed\"}")]
    public void A_body_that_is_not_a_complete_event_is_poison(string body)
    {
        Assert.Null(OrderEventJson.TryDeserialize(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData(OrderEventKind.Placed, "order.placed")]
    [InlineData(OrderEventKind.Paid, "order.paid")]
    [InlineData(OrderEventKind.Shipped, "order.shipped")]
    [InlineData(OrderEventKind.Cancelled, "order.cancelled")]
    public void Events_are_routed_by_kind(OrderEventKind kind, string routingKey)
    {
        Assert.Equal(routingKey, new OrderEvent(Guid.NewGuid(), Guid.NewGuid(), 1, kind, "c").RoutingKey);
    }
}
