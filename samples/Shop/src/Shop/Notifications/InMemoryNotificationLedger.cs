namespace Shop.Notifications;

public sealed class InMemoryNotificationLedger : INotificationLedger
{
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _handled = [];
    private readonly Dictionary<Guid, long> _lastSequence = [];

    public Task<LedgerDecision> CheckAsync(OrderEvent orderEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        lock (_gate)
        {
            var last = _lastSequence.TryGetValue(orderEvent.OrderId, out var sequence) ? sequence : (long?)null;
            return Task.FromResult(LedgerRules.Decide(_handled.Contains(orderEvent.EventId), last, orderEvent.Sequence));
        }
    }

    public Task RecordAsync(OrderEvent orderEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        lock (_gate)
        {
            _handled.Add(orderEvent.EventId);
            _lastSequence[orderEvent.OrderId] = Math.Max(orderEvent.Sequence, _lastSequence.GetValueOrDefault(orderEvent.OrderId));
        }

        return Task.CompletedTask;
    }
}
