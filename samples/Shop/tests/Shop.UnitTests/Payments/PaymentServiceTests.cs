using Shop.Ordering;
using Shop.Payments;
using Xunit;

namespace Shop.UnitTests.Payments;

[Trait("Category", "Unit")]
public sealed class PaymentServiceTests
{
    private static readonly RetryPolicy NoWait = new(3, TimeSpan.Zero, TimeSpan.Zero);
    private static readonly Money Amount = new(4200, "EUR");
    private readonly InMemoryPaymentAuditLog _audit = new();

    [Fact]
    public async Task An_approved_charge_is_audited_once_with_its_charge_id()
    {
        var gateway = new ScriptedGateway(ScriptedGateway.Approve);
        var orderId = Guid.NewGuid();

        var result = await Service(gateway).ChargeAsync(orderId, Amount, CancellationToken.None);

        var entry = await _audit.FindAsync(ChargeRequest.IdempotencyKeyFor(orderId), CancellationToken.None);
        Assert.True(result.IsApproved);
        Assert.Equal(result.ChargeId, entry?.ChargeId);
        Assert.Equal(4200, entry?.AmountCents);
    }

    [Fact]
    public async Task Charging_an_order_again_answers_from_the_audit_without_calling_the_gateway()
    {
        var gateway = new ScriptedGateway(ScriptedGateway.Approve);
        var service = Service(gateway);
        var orderId = Guid.NewGuid();

        var first = await service.ChargeAsync(orderId, Amount, CancellationToken.None);
        var second = await service.ChargeAsync(orderId, Amount, CancellationToken.None);

        Assert.Single(gateway.Requests);
        Assert.True(second.FromAudit);
        Assert.Equal(first.ChargeId, second.ChargeId);
    }

    [Fact]
    public async Task Every_retry_reuses_the_idempotency_key_of_the_order()
    {
        var gateway = new ScriptedGateway(ScriptedGateway.Fail(GatewayFailureKind.Unavailable), ScriptedGateway.Approve);
        var orderId = Guid.NewGuid();

        var result = await Service(gateway).ChargeAsync(orderId, Amount, CancellationToken.None);

        Assert.Equal(2, result.Attempts);
        Assert.All(gateway.Requests, request => Assert.Equal(ChargeRequest.IdempotencyKeyFor(orderId), request.IdempotencyKey));
    }

    [Fact]
    public async Task A_decline_is_final_and_audited()
    {
        var gateway = new ScriptedGateway(ScriptedGateway.Decline);

        var result = await Service(gateway).ChargeAsync(Guid.NewGuid(), Amount, CancellationToken.None);

        Assert.Equal(PaymentOutcome.Declined, result.Outcome);
        Assert.Equal("insufficient_funds", result.Reason);
        Assert.Equal(1, _audit.Count);
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_retries_is_reported_and_not_audited_so_it_can_be_charged_later()
    {
        var gateway = new ScriptedGateway(ScriptedGateway.Fail(GatewayFailureKind.Unavailable));

        var result = await Service(gateway).ChargeAsync(Guid.NewGuid(), Amount, CancellationToken.None);

        Assert.Equal(PaymentOutcome.Failed, result.Outcome);
        Assert.Equal(3, gateway.Requests.Count);
        Assert.Equal(0, _audit.Count);
    }

    [Fact]
    public async Task A_malformed_answer_is_not_retried()
    {
        var gateway = new ScriptedGateway(ScriptedGateway.Fail(GatewayFailureKind.MalformedResponse));

        var result = await Service(gateway).ChargeAsync(Guid.NewGuid(), Amount, CancellationToken.None);

        Assert.Single(gateway.Requests);
        Assert.StartsWith("MalformedResponse", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_concurrent_charge_audited_first_its_decision_stands()
    {
        var orderId = Guid.NewGuid();
        var key = ChargeRequest.IdempotencyKeyFor(orderId);
        var racing = new RacingAuditLog(_audit, new PaymentAuditEntry(key, orderId, PaymentOutcome.Approved, "ch_winner", 4200, 1, null));

        var result = await new PaymentService(new ScriptedGateway(ScriptedGateway.Approve), racing, NoWait, TimeProvider.System)
            .ChargeAsync(orderId, Amount, CancellationToken.None);

        Assert.Equal("ch_winner", result.ChargeId);
        Assert.True(result.FromAudit);
    }

    [Fact]
    public void The_idempotency_key_is_derived_from_the_order_alone()
    {
        var orderId = Guid.NewGuid();

        Assert.Equal(ChargeRequest.IdempotencyKeyFor(orderId), ChargeRequest.IdempotencyKeyFor(orderId));
        Assert.NotEqual(ChargeRequest.IdempotencyKeyFor(orderId), ChargeRequest.IdempotencyKeyFor(Guid.NewGuid()));
    }

    private PaymentService Service(IPaymentGateway gateway) => new(gateway, _audit, NoWait, TimeProvider.System);

    /// <summary>Finds nothing at first, then records a competitor's entry just before ours.</summary>
    private sealed class RacingAuditLog(InMemoryPaymentAuditLog inner, PaymentAuditEntry competitor) : IPaymentAuditLog
    {
        public async Task<bool> TryRecordAsync(PaymentAuditEntry entry, CancellationToken ct)
        {
            await inner.TryRecordAsync(competitor, ct);
            return await inner.TryRecordAsync(entry, ct);
        }

        public Task<PaymentAuditEntry?> FindAsync(string idempotencyKey, CancellationToken ct) => inner.FindAsync(idempotencyKey, ct);
    }
}
