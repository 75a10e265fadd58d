using System.Text.RegularExpressions;
using RabbitMQ.Client;

namespace Shop.Notifications;

/// <summary>
/// Exchanges and queues of order notifications, all named from one prefix: events go to a topic
/// exchange; failed deliveries wait in a retry queue (message TTL) and flow back; rejected ones go
/// through a dead-letter exchange to the dead-letter queue.
/// </summary>
public sealed partial record OrderEventTopology
{
    public OrderEventTopology(string prefix, TimeSpan retryDelay, TimeSpan? unusedQueueExpiry = null)
    {
        if (!Name().IsMatch(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not a valid topology prefix (letters, digits, '.', '-', '_').", nameof(prefix));
        }

        Prefix = prefix;
        RetryDelay = retryDelay;
        UnusedQueueExpiry = unusedQueueExpiry;
    }

    public string Prefix { get; }

    public TimeSpan RetryDelay { get; }

    /// <summary>When set, queues delete themselves after being unused this long.</summary>
    public TimeSpan? UnusedQueueExpiry { get; }

    public string Exchange => $"{Prefix}.orders";

    public string Queue => $"{Prefix}.notifications";

    public string RetryQueue => $"{Prefix}.notifications.retry";

    public string DeadLetterExchange => $"{Prefix}.orders.dead";

    public string DeadLetterQueue => $"{Prefix}.notifications.dead";

    public async Task DeclareAsync(IChannel channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, arguments: WithExpiry([]), cancellationToken: ct);
        await channel.QueueBindAsync(DeadLetterQueue, DeadLetterExchange, string.Empty, cancellationToken: ct);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false,
            arguments: WithExpiry(new() { ["x-dead-letter-exchange"] = DeadLetterExchange }), cancellationToken: ct);
        await channel.QueueBindAsync(Queue, Exchange, "order.#", cancellationToken: ct);
        await channel.QueueDeclareAsync(RetryQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: WithExpiry(new()
            {
                ["x-message-ttl"] = (int)RetryDelay.TotalMilliseconds,
                ["x-dead-letter-exchange"] = string.Empty,
                ["x-dead-letter-routing-key"] = Queue,
            }),
            cancellationToken: ct);
    }

    public async Task DeleteAsync(IChannel channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        foreach (var queue in new[] { Queue, RetryQueue, DeadLetterQueue })
        {
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: ct);
        }

        await channel.ExchangeDeleteAsync(Exchange, ifUnused: false, cancellationToken: ct);
        await channel.ExchangeDeleteAsync(DeadLetterExchange, ifUnused: false, cancellationToken: ct);
    }

    private Dictionary<string, object?> WithExpiry(Dictionary<string, object?> arguments)
    {
        if (UnusedQueueExpiry is { } expiry)
        {
            arguments["x-expires"] = (int)expiry.TotalMilliseconds;
        }

        return arguments;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,200}$")]
    private static partial Regex Name();
}
