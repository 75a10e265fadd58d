using RabbitMQ.Client;

namespace Shop.Notifications;

/// <summary>
/// Publishes order events persistently with publisher confirms: <see cref="PublishAsync"/> returns
/// only once the broker has taken responsibility for the message.
/// </summary>
public sealed class RabbitMqOrderEventPublisher : IOrderEventPublisher, IAsyncDisposable
{
    private readonly IChannel _channel;
    private readonly OrderEventTopology _topology;

    private RabbitMqOrderEventPublisher(IChannel channel, OrderEventTopology topology)
    {
        _channel = channel;
        _topology = topology;
    }

    public static async Task<RabbitMqOrderEventPublisher> CreateAsync(IConnection connection, OrderEventTopology topology, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        return new RabbitMqOrderEventPublisher(channel, topology);
    }

    public Task PublishAsync(OrderEvent orderEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        return PublishRawAsync(orderEvent.RoutingKey, orderEvent.EventId.ToString("N"), OrderEventJson.Serialize(orderEvent), ct);
    }

    /// <summary>Publishes any body, e.g. one written by another system that may not be a valid event.</summary>
    public async Task PublishRawAsync(string routingKey, string messageId, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var properties = new BasicProperties
        {
            MessageId = messageId,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await _channel.BasicPublishAsync(_topology.Exchange, routingKey, mandatory: true, properties, body, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        _channel.Dispose();
    }
}
