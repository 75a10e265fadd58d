using System.Globalization;
using StackExchange.Redis;

namespace Shop.Notifications;

/// <summary>
/// The ledger in Redis, shared by every worker instance: one key per handled event and one per order
/// holding the highest handled sequence (raised atomically by a script), all expiring after <c>retention</c>.
/// </summary>
public sealed class RedisNotificationLedger(IDatabase redis, string keyPrefix, TimeSpan retention) : INotificationLedger
{
    private const string RaiseSequenceScript = """
        redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
        local current = tonumber(redis.call('GET', KEYS[2]) or '0')
        if tonumber(ARGV[1]) > current then
          redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
        end
        return 1
        """;

    public async Task<LedgerDecision> CheckAsync(OrderEvent orderEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var handled = redis.KeyExistsAsync(EventKey(orderEvent));
        var last = redis.StringGetAsync(OrderKey(orderEvent));
        await Task.WhenAll(handled, last);
        return LedgerRules.Decide(await handled, last.Result.IsNull ? null : (long)last.Result, orderEvent.Sequence);
    }

    public Task RecordAsync(OrderEvent orderEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        return redis.ScriptEvaluateAsync(
            RaiseSequenceScript,
            [EventKey(orderEvent), OrderKey(orderEvent)],
            [orderEvent.Sequence, ((long)retention.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)]);
    }

    private RedisKey EventKey(OrderEvent orderEvent) => $"{keyPrefix}notified:event:{orderEvent.EventId:N}";

    private RedisKey OrderKey(OrderEvent orderEvent) => $"{keyPrefix}notified:order:{orderEvent.OrderId:N}";
}
