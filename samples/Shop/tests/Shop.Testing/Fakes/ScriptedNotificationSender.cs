using System.Collections.Concurrent;
using Shop.Notifications;

namespace Shop.Testing.Fakes;

/// <summary>Records what was notified; fails the first <c>failuresBeforeSuccess</c> attempts of each event.</summary>
public sealed class ScriptedNotificationSender(int failuresBeforeSuccess = 0) : INotificationSender
{
    private readonly ConcurrentQueue<OrderEvent> _sent = new();
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public static ScriptedNotificationSender AlwaysFailing() => new(int.MaxValue);

    public IReadOnlyList<OrderEvent> Sent => [.. _sent];

    public int AttemptsFor(Guid eventId) => _attempts.GetValueOrDefault(eventId);

    public Task SendAsync(OrderEvent orderEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var attempt = _attempts.AddOrUpdate(orderEvent.EventId, 1, (_, previous) => previous + 1);
        if (attempt <= failuresBeforeSuccess)
        {
            throw new IOException($"Mail relay refused event {orderEvent.EventId} (attempt {attempt}).");
        }

        _sent.Enqueue(orderEvent);
        return Task.CompletedTask;
    }
}
