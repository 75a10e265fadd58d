using Shop.Notifications;
using Shop.Testing;
using Shop.Testing.Fakes;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Notifications;

/// <summary>Two worker instances on one queue deduplicate through the ledger they share in Redis.</summary>
[Trait("Category", "Integration")]
[Trait("Resource", "redis")]
[Trait("Resource", "rabbitmq")]
public sealed class WorkersSharingRedisLedgerTests(RedisFixture redis, RabbitMqFixture rabbit)
    : IClassFixture<RedisFixture>, IClassFixture<RabbitMqFixture>, IAsyncLifetime
{
    private readonly OrderEventTopology _topology = RabbitMqFixture.NewTopology("shared-ledger");
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
        await _publisher.DisposeAsync();
        await rabbit.DeleteAsync(_topology, CancellationToken.None);
    }

    [Fact]
    public async Task Duplicates_spread_over_two_workers_are_notified_once()
    {
        var ledger = new RedisNotificationLedger(redis.Database, UniqueNames.KeyPrefix(), TimeSpan.FromMinutes(5));
        var sender = new ScriptedNotificationSender();
        var options = new NotificationWorkerOptions(MaxAttempts: 3, Prefetch: 1);
        await using var first = await NotificationWorker.StartAsync(rabbit.Connection, _topology, ledger, sender, options, CancellationToken.None);
        await using var second = await NotificationWorker.StartAsync(rabbit.Connection, _topology, ledger, sender, options, CancellationToken.None);
        var events = Enumerable.Range(0, 20).Select(_ => new OrderEvent(Guid.NewGuid(), Guid.NewGuid(), 1, OrderEventKind.Placed, "c-shared")).ToList();

        foreach (var orderEvent in events)
        {
            await _publisher.PublishAsync(orderEvent, CancellationToken.None);
        }

        // Redeliver every event once all first deliveries are handled: the ledger in Redis must catch them.
        await Poll.UntilAsync(() => sender.Sent.Count == events.Count, "every event to be notified once");
        foreach (var orderEvent in events)
        {
            await _publisher.PublishAsync(orderEvent, CancellationToken.None);
        }

        await Poll.UntilAsync(() => first.Stats.Skipped + second.Stats.Skipped == events.Count, $"every duplicate to be skipped ({first.Stats}; {second.Stats})");
        Assert.Equal(events.Count, sender.Sent.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(events.Count, sender.Sent.Count);
    }
}
