namespace Shop.Payments;

public interface IPaymentAuditLog
{
    /// <summary>Records the entry unless one with the same idempotency key exists; true when this call recorded it.</summary>
    Task<bool> TryRecordAsync(PaymentAuditEntry entry, CancellationToken ct);

    Task<PaymentAuditEntry?> FindAsync(string idempotencyKey, CancellationToken ct);
}
