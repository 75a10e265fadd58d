using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Shop.Notifications;

/// <summary>
/// Consumes order events with manual acknowledgement (at-least-once). Each event is checked against
/// the ledger (duplicates and stale events are acknowledged without notifying), notified, recorded,
/// then acknowledged. A failed notification is retried through the retry queue up to
/// <see cref="NotificationWorkerOptions.MaxAttempts"/>, then rejected to the dead-letter queue;
/// an unreadable message goes to the dead-letter queue at once.
/// </summary>
public sealed class NotificationWorker : IAsyncDisposable
{
    private readonly IChannel _consumeChannel;
    private readonly IChannel _retryChannel;
    private readonly OrderEventTopology _topology;
    private readonly INotificationLedger _ledger;
    private readonly INotificationSender _sender;
    private readonly NotificationWorkerOptions _options;

    private NotificationWorker(
        IChannel consumeChannel, IChannel retryChannel, OrderEventTopology topology,
        INotificationLedger ledger, INotificationSender sender, NotificationWorkerOptions options)
    {
        _consumeChannel = consumeChannel;
        _retryChannel = retryChannel;
        _topology = topology;
        _ledger = ledger;
        _sender = sender;
        _options = options;
    }

    public NotificationWorkerStats Stats { get; } = new();

    public static async Task<NotificationWorker> StartAsync(
        IConnection connection, OrderEventTopology topology, INotificationLedger ledger, INotificationSender sender,
        NotificationWorkerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        var consumeChannel = await connection.CreateChannelAsync(cancellationToken: ct);
        var retryChannel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var worker = new NotificationWorker(consumeChannel, retryChannel, topology, ledger, sender, options);
        await topology.DeclareAsync(consumeChannel, ct);
        await consumeChannel.BasicQosAsync(0, options.Prefetch, global: false, ct);
        var consumer = new AsyncEventingBasicConsumer(consumeChannel);
        consumer.ReceivedAsync += (_, delivery) => worker.HandleAsync(delivery);
        await consumeChannel.BasicConsumeAsync(topology.Queue, autoAck: false, consumer, ct);
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        await _consumeChannel.CloseAsync();
        await _retryChannel.CloseAsync();
        _consumeChannel.Dispose();
        _retryChannel.Dispose();
    }

    private async Task HandleAsync(BasicDeliverEventArgs delivery)
    {
        var ct = delivery.CancellationToken;
        var body = delivery.Body.ToArray();
        var orderEvent = OrderEventJson.TryDeserialize(body);
        if (orderEvent is null)
        {
            await _consumeChannel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, ct);
            Stats.CountDeadLettered();
            return;
        }

        if (await _ledger.CheckAsync(orderEvent, ct) != LedgerDecision.Process)
        {
            await _consumeChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
            Stats.CountSkipped();
            return;
        }

        try
        {
            await _sender.SendAsync(orderEvent, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await HandleFailureAsync(delivery, body, ct);
            return;
        }

        await _ledger.RecordAsync(orderEvent, ct);
        await _consumeChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
        Stats.CountNotified();
    }

    private async Task HandleFailureAsync(BasicDeliverEventArgs delivery, byte[] body, CancellationToken ct)
    {
        var attempt = DeliveryAttempt.Read(delivery.BasicProperties.Headers);
        if (_options.OnFailure(attempt) == FailureDisposition.DeadLetter)
        {
            await _consumeChannel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, ct);
            Stats.CountDeadLettered();
            return;
        }

        var properties = new BasicProperties
        {
            MessageId = delivery.BasicProperties.MessageId,
            ContentType = delivery.BasicProperties.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?> { [DeliveryAttempt.Header] = attempt + 1 },
        };

        // Publish the next attempt before acknowledging this one: a crash in between duplicates, never loses.
        await _retryChannel.BasicPublishAsync(string.Empty, _topology.RetryQueue, mandatory: true, properties, body, ct);
        await _consumeChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
        Stats.CountRetried();
    }
}
