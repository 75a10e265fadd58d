namespace Shop.Notifications;

public interface IOrderEventPublisher
{
    Task PublishAsync(OrderEvent orderEvent, CancellationToken ct);
}
