using Shop.Ordering;

namespace Shop.Payments;

/// <summary>
/// Charges an order at most once: the idempotency key is derived from the order, a final decision is
/// audited once per key, and a charge already decided is answered from the audit log.
/// </summary>
public sealed class PaymentService(IPaymentGateway gateway, IPaymentAuditLog audit, RetryPolicy retryPolicy, TimeProvider time)
{
    public async Task<PaymentResult> ChargeAsync(Guid orderId, Money amount, CancellationToken ct)
    {
        var key = ChargeRequest.IdempotencyKeyFor(orderId);
        if (await audit.FindAsync(key, ct) is { Outcome: not PaymentOutcome.Failed } decided)
        {
            return new PaymentResult(decided.Outcome, decided.ChargeId, decided.Reason, decided.Attempts, FromAudit: true);
        }

        var request = new ChargeRequest(orderId, amount, key);
        var result = await ChargeWithRetriesAsync(request, ct);
        var entry = new PaymentAuditEntry(key, orderId, result.Outcome, result.ChargeId, amount.Cents, result.Attempts, result.Reason);
        if (result.Outcome != PaymentOutcome.Failed && !await audit.TryRecordAsync(entry, ct))
        {
            // A concurrent charge of the same order recorded first: its decision is the one that stands.
            var winner = await audit.FindAsync(key, ct);
            return winner is null ? result : new PaymentResult(winner.Outcome, winner.ChargeId, winner.Reason, winner.Attempts, FromAudit: true);
        }

        return result;
    }

    private async Task<PaymentResult> ChargeWithRetriesAsync(ChargeRequest request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await gateway.ChargeAsync(request, ct);
                return response.Status == ChargeStatus.Approved
                    ? new PaymentResult(PaymentOutcome.Approved, response.ChargeId, null, attempt)
                    : new PaymentResult(PaymentOutcome.Declined, null, response.DeclineReason ?? "declined", attempt);
            }
            catch (PaymentGatewayException failure)
            {
                if (retryPolicy.DelayBeforeRetry(attempt, failure) is not { } delay)
                {
                    return new PaymentResult(PaymentOutcome.Failed, null, $"{failure.Kind}: {failure.Message}", attempt);
                }

                await Task.Delay(delay, time, ct);
            }
        }
    }
}
