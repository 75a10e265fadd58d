using Shop.Notifications;
using Xunit;

namespace Shop.UnitTests.Notifications;

[Trait("Category", "Unit")]
public sealed class InMemoryNotificationLedgerTests
{
    private readonly InMemoryNotificationLedger _ledger = new();
    private readonly Guid _orderId = Guid.NewGuid();

    [Fact]
    public async Task A_recorded_event_is_a_duplicate_when_delivered_again()
    {
        var placed = Event(1);
        await _ledger.RecordAsync(placed, CancellationToken.None);

        Assert.Equal(LedgerDecision.Duplicate, await _ledger.CheckAsync(placed, CancellationToken.None));
    }

    [Fact]
    public async Task An_older_event_arriving_after_a_newer_one_is_stale()
    {
        await _ledger.RecordAsync(Event(3), CancellationToken.None);

        Assert.Equal(LedgerDecision.Stale, await _ledger.CheckAsync(Event(2), CancellationToken.None));
    }

    [Fact]
    public async Task Checking_does_not_record()
    {
        var placed = Event(1);

        await _ledger.CheckAsync(placed, CancellationToken.None);

        Assert.Equal(LedgerDecision.Process, await _ledger.CheckAsync(placed, CancellationToken.None));
    }

    [Fact]
    public async Task Orders_are_sequenced_independently()
    {
        await _ledger.RecordAsync(Event(5), CancellationToken.None);
        var otherOrder = new OrderEvent(Guid.NewGuid(), Guid.NewGuid(), 1, OrderEventKind.Placed, "c");

        Assert.Equal(LedgerDecision.Process, await _ledger.CheckAsync(otherOrder, CancellationToken.None));
    }

    [Fact]
    public async Task Recording_an_older_event_late_does_not_lower_the_sequence()
    {
        await _ledger.RecordAsync(Event(4), CancellationToken.None);
        await _ledger.RecordAsync(Event(2), CancellationToken.None);

        Assert.Equal(LedgerDecision.Stale, await _ledger.CheckAsync(Event(3), CancellationToken.None));
    }

    private OrderEvent Event(long sequence) => new(Guid.NewGuid(), _orderId, sequence, OrderEventKind.Paid, "c");
}
