using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Notifications;

public static class OrderEventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Serialize(OrderEvent orderEvent) => JsonSerializer.SerializeToUtf8Bytes(orderEvent, Options);

    /// <summary>The event, or null when the body is not a complete order event (a poison message).</summary>
    public static OrderEvent? TryDeserialize(ReadOnlySpan<byte> body)
    {
        try
        {
            var orderEvent = JsonSerializer.Deserialize<OrderEvent>(body, Options);
            return orderEvent is { EventId: var id, OrderId: var orderId, Sequence: > 0, CustomerId: { Length: > 0 } }
                && id != Guid.Empty && orderId != Guid.Empty
                ? orderEvent
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
