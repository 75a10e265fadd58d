namespace Shop.Notifications;

/// <summary>What the worker has done so far; safe to read while it runs.</summary>
public sealed class NotificationWorkerStats
{
    private int _notified;
    private int _skipped;
    private int _retried;
    private int _deadLettered;

    public int Notified => Volatile.Read(ref _notified);

    public int Skipped => Volatile.Read(ref _skipped);

    public int Retried => Volatile.Read(ref _retried);

    public int DeadLettered => Volatile.Read(ref _deadLettered);

    internal void CountNotified() => Interlocked.Increment(ref _notified);

    internal void CountSkipped() => Interlocked.Increment(ref _skipped);

    internal void CountRetried() => Interlocked.Increment(ref _retried);

    internal void CountDeadLettered() => Interlocked.Increment(ref _deadLettered);

    public override string ToString() => $"notified {Notified}, skipped {Skipped}, retried {Retried}, dead-lettered {DeadLettered}";
}
