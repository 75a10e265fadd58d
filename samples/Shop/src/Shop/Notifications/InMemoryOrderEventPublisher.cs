using System.Collections.Concurrent;

namespace Shop.Notifications;

public sealed class InMemoryOrderEventPublisher : IOrderEventPublisher
{
    private readonly ConcurrentQueue<OrderEvent> _published = new();

    public IReadOnlyList<OrderEvent> Published => [.. _published];

    public Task PublishAsync(OrderEvent orderEvent, CancellationToken ct)
    {
        _published.Enqueue(orderEvent);
        return Task.CompletedTask;
    }
}
