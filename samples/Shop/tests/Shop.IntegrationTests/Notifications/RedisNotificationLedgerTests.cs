using Shop.Notifications;
using Shop.Testing;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Notifications;

[Trait("Category", "Integration")]
[Trait("Resource", "redis")]
public sealed class RedisNotificationLedgerTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly RedisNotificationLedger _ledger = new(redis.Database, UniqueNames.KeyPrefix(), TimeSpan.FromMinutes(5));
    private readonly Guid _orderId = Guid.NewGuid();

    [Fact]
    public async Task An_event_recorded_in_redis_is_a_duplicate_for_every_worker()
    {
        var placed = Event(1);
        await _ledger.RecordAsync(placed, CancellationToken.None);

        Assert.Equal(LedgerDecision.Duplicate, await _ledger.CheckAsync(placed, CancellationToken.None));
    }

    [Fact]
    public async Task An_event_older_than_the_last_recorded_one_is_stale()
    {
        await _ledger.RecordAsync(Event(3), CancellationToken.None);

        Assert.Equal(LedgerDecision.Stale, await _ledger.CheckAsync(Event(2), CancellationToken.None));
        Assert.Equal(LedgerDecision.Process, await _ledger.CheckAsync(Event(4), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_recordings_keep_the_highest_sequence()
    {
        await Task.WhenAll(Enumerable.Range(1, 50).Select(sequence => _ledger.RecordAsync(Event(sequence), CancellationToken.None)));

        Assert.Equal(LedgerDecision.Stale, await _ledger.CheckAsync(Event(50), CancellationToken.None));
        Assert.Equal(LedgerDecision.Process, await _ledger.CheckAsync(Event(51), CancellationToken.None));
    }

    private OrderEvent Event(long sequence) => new(Guid.NewGuid(), _orderId, sequence, OrderEventKind.Paid, "c-ledger");
}
