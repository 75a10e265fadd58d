namespace Shop.Notifications;

/// <summary>Something that happened to an order; <c>Sequence</c> orders the events of one order.</summary>
public sealed record OrderEvent(Guid EventId, Guid OrderId, long Sequence, OrderEventKind Kind, string CustomerId)
{
    public string RoutingKey => $"order.{Kind.ToString().ToLowerInvariant()}";
}
