namespace Shop.Notifications;

public sealed record NotificationWorkerOptions(int MaxAttempts, ushort Prefetch)
{
    public static NotificationWorkerOptions Default { get; } = new(MaxAttempts: 5, Prefetch: 16);

    public FailureDisposition OnFailure(int attempt) => attempt < MaxAttempts ? FailureDisposition.Retry : FailureDisposition.DeadLetter;
}
