namespace Shop.Notifications;

/// <summary>Tells the customer (mail, push, ...); may fail transiently.</summary>
public interface INotificationSender
{
    Task SendAsync(OrderEvent orderEvent, CancellationToken ct);
}
