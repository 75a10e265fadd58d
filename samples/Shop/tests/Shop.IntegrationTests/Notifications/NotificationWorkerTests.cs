using System.Text;
using Shop.Notifications;
using Shop.Testing;
using Shop.Testing.Fakes;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Notifications;

/// <summary>
/// The notification worker against a real broker: every test declares its own exchanges and queues
/// (unique names in the partition's vhost) and deletes them when it ends.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Resource", "rabbitmq")]
public sealed class NotificationWorkerTests(RabbitMqFixture rabbit) : IClassFixture<RabbitMqFixture>, IAsyncLifetime
{
    private readonly OrderEventTopology _topology = RabbitMqFixture.NewTopology("worker");
    private readonly InMemoryNotificationLedger _ledger = new();
    private readonly List<IAsyncDisposable> _disposables = [];
    private RabbitMqOrderEventPublisher _publisher = null!;

    public async Task InitializeAsync()
    {
        await using (var channel = await rabbit.Connection.CreateChannelAsync())
        {
            await _topology.DeclareAsync(channel, CancellationToken.None);
        }

        _publisher = await RabbitMqOrderEventPublisher.CreateAsync(rabbit.Connection, _topology, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }

        await _publisher.DisposeAsync();
        await rabbit.DeleteAsync(_topology, CancellationToken.None);
    }

    [Fact]
    public async Task A_published_order_event_is_consumed_and_notified()
    {
        var sender = new ScriptedNotificationSender();
        var worker = await StartWorkerAsync(sender);
        var placed = Event(Guid.NewGuid(), 1);

        await _publisher.PublishAsync(placed, CancellationToken.None);

        await Poll.UntilAsync(() => worker.Stats.Notified == 1, $"the event to be notified and acknowledged ({worker.Stats})");
        Assert.Equal(placed, Assert.Single(sender.Sent));
    }

    [Fact]
    public async Task A_redelivered_duplicate_is_acknowledged_without_a_second_notification()
    {
        var sender = new ScriptedNotificationSender();
        var worker = await StartWorkerAsync(sender);
        var placed = Event(Guid.NewGuid(), 1);

        await _publisher.PublishAsync(placed, CancellationToken.None);
        await _publisher.PublishAsync(placed, CancellationToken.None);

        await Poll.UntilAsync(() => worker.Stats.Notified + worker.Stats.Skipped == 2, $"both deliveries to be handled ({worker.Stats})");
        Assert.Single(sender.Sent);
        Assert.Equal(1, worker.Stats.Skipped);
    }

    [Fact]
    public async Task An_older_event_arriving_after_a_newer_one_is_not_notified()
    {
        var sender = new ScriptedNotificationSender();
        var worker = await StartWorkerAsync(sender);
        var orderId = Guid.NewGuid();

        await _publisher.PublishAsync(Event(orderId, 1, OrderEventKind.Placed), CancellationToken.None);
        await _publisher.PublishAsync(Event(orderId, 3, OrderEventKind.Shipped), CancellationToken.None);
        await _publisher.PublishAsync(Event(orderId, 2, OrderEventKind.Paid), CancellationToken.None);

        await Poll.UntilAsync(() => worker.Stats.Notified + worker.Stats.Skipped == 3, $"all three deliveries to be handled ({worker.Stats})");
        Assert.Equal([OrderEventKind.Placed, OrderEventKind.Shipped], sender.Sent.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_notification_that_fails_twice_succeeds_on_the_third_delivery_through_the_retry_queue()
    {
        var sender = new ScriptedNotificationSender(failuresBeforeSuccess: 2);
        var worker = await StartWorkerAsync(sender);
        var placed = Event(Guid.NewGuid(), 1);

        await _publisher.PublishAsync(placed, CancellationToken.None);

        await Poll.UntilAsync(() => sender.Sent.Count == 1, $"the event to be notified after retries ({worker.Stats})");
        Assert.Equal(3, sender.AttemptsFor(placed.EventId));
        Assert.Equal(2, worker.Stats.Retried);
        Assert.Equal(0u, await rabbit.MessageCountAsync(_topology.DeadLetterQueue, CancellationToken.None));
    }

    [Fact]
    public async Task A_notification_that_keeps_failing_ends_in_the_dead_letter_queue_after_the_last_attempt()
    {
        var sender = ScriptedNotificationSender.AlwaysFailing();
        var worker = await StartWorkerAsync(sender);
        var placed = Event(Guid.NewGuid(), 1);

        await _publisher.PublishAsync(placed, CancellationToken.None);

        await Poll.UntilAsync(async () => await rabbit.MessageCountAsync(_topology.DeadLetterQueue, CancellationToken.None) == 1, $"the event to be dead-lettered ({worker.Stats})");
        Assert.Equal(3, sender.AttemptsFor(placed.EventId));
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_dead_letter_queue_without_retries()
    {
        var sender = new ScriptedNotificationSender();
        var worker = await StartWorkerAsync(sender);

        await _publisher.PublishRawAsync("order.placed", "poison-1", Encoding.UTF8.GetBytes("{\"this is\": \"not an order event\"}"), CancellationToken.None);

        await Poll.UntilAsync(async () => await rabbit.MessageCountAsync(_topology.DeadLetterQueue, CancellationToken.None) == 1, $"the poison message to be dead-lettered ({worker.Stats})");
        Assert.Equal(0, worker.Stats.Retried);
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task Events_published_before_the_worker_starts_are_delivered_when_it_does()
    {
        var sender = new ScriptedNotificationSender();
        var orderIds = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid()).ToList();
        foreach (var orderId in orderIds)
        {
            await _publisher.PublishAsync(Event(orderId, 1), CancellationToken.None);
        }

        await StartWorkerAsync(sender);

        await Poll.UntilAsync(() => sender.Sent.Count == orderIds.Count, "every waiting event to be notified");
        Assert.Equal(orderIds.Order(), sender.Sent.Select(e => e.OrderId).Order());
    }

    private async Task<NotificationWorker> StartWorkerAsync(INotificationSender sender)
    {
        var worker = await NotificationWorker.StartAsync(
            rabbit.Connection, _topology, _ledger, sender, new NotificationWorkerOptions(MaxAttempts: 3, Prefetch: 1), CancellationToken.None);
        _disposables.Add(worker);
        return worker;
    }

    private static OrderEvent Event(Guid orderId, long sequence, OrderEventKind kind = OrderEventKind.Placed) =>
        new(Guid.NewGuid(), orderId, sequence, kind, "c-rabbit");
}
