using Shop.Payments;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Payments;

[Trait("Category", "Integration")]
[Trait("Resource", "postgres")]
public sealed class PostgresPaymentAuditTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private readonly PostgresPaymentAuditLog _audit = new(postgres.DataSource, postgres.Schema);

    [Fact]
    public async Task An_audit_entry_is_stored_and_read_back_whole()
    {
        var entry = Entry(PaymentOutcome.Approved, "ch_1");

        Assert.True(await _audit.TryRecordAsync(entry, CancellationToken.None));
        Assert.Equal(entry, await _audit.FindAsync(entry.IdempotencyKey, CancellationToken.None));
    }

    [Fact]
    public async Task Recording_the_same_idempotency_key_again_keeps_the_first_decision()
    {
        var first = Entry(PaymentOutcome.Declined, null);

        await _audit.TryRecordAsync(first, CancellationToken.None);
        var again = await _audit.TryRecordAsync(first with { Outcome = PaymentOutcome.Approved, ChargeId = "ch_late" }, CancellationToken.None);

        Assert.False(again);
        Assert.Equal(PaymentOutcome.Declined, (await _audit.FindAsync(first.IdempotencyKey, CancellationToken.None))?.Outcome);
    }

    [Fact]
    public async Task Concurrent_writers_of_one_key_record_exactly_one_entry()
    {
        var entry = Entry(PaymentOutcome.Approved, "ch_race");

        var recorded = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => _audit.TryRecordAsync(entry with { Attempts = i + 1 }, CancellationToken.None)));

        Assert.Single(recorded, wasRecorded => wasRecorded);
    }

    [Fact]
    public async Task An_unknown_key_has_no_entry()
    {
        Assert.Null(await _audit.FindAsync($"order-{Guid.NewGuid():N}", CancellationToken.None));
    }

    private static PaymentAuditEntry Entry(PaymentOutcome outcome, string? chargeId)
    {
        var orderId = Guid.NewGuid();
        return new PaymentAuditEntry(ChargeRequest.IdempotencyKeyFor(orderId), orderId, outcome, chargeId, 1234, 1, outcome == PaymentOutcome.Declined ? "card_expired" : null);
    }
}
