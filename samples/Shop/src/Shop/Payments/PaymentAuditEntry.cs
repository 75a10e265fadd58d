namespace Shop.Payments;

/// <summary>One final payment decision per idempotency key.</summary>
public sealed record PaymentAuditEntry(
    string IdempotencyKey, Guid OrderId, PaymentOutcome Outcome, string? ChargeId, long AmountCents, int Attempts, string? Reason);
