namespace Shop.Notifications;

/// <summary>Remembers which order events have been notified, for deduplication and ordering.</summary>
public interface INotificationLedger
{
    Task<LedgerDecision> CheckAsync(OrderEvent orderEvent, CancellationToken ct);

    Task RecordAsync(OrderEvent orderEvent, CancellationToken ct);
}
