using System.Collections.Concurrent;

namespace Shop.Payments;

public sealed class InMemoryPaymentAuditLog : IPaymentAuditLog
{
    private readonly ConcurrentDictionary<string, PaymentAuditEntry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public Task<bool> TryRecordAsync(PaymentAuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Task.FromResult(_entries.TryAdd(entry.IdempotencyKey, entry));
    }

    public Task<PaymentAuditEntry?> FindAsync(string idempotencyKey, CancellationToken ct) =>
        Task.FromResult(_entries.TryGetValue(idempotencyKey, out var entry) ? entry : null);
}
