using StackExchange.Redis;

namespace Ledger.RateLimiting;

/// <summary>
/// A fixed-window limiter: at most <paramref name="limit"/> requests per client per <paramref name="window"/>,
/// counted under <c>ledger:rate:{client}</c>. The counter and its expiry are set in one script, so a
/// counter never outlives its window.
/// </summary>
public sealed class RedisRateLimiter(IDatabase redis, int limit, TimeSpan window)
{
    public const string KeyPrefix = "ledger:rate:";

    private const string Count = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    public static RedisKey KeyOf(string client) => KeyPrefix + client;

    public async Task<RateDecision> TryAcquireAsync(string client)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(client);
        var result = (RedisResult[])(await redis.ScriptEvaluateAsync(Count, [KeyOf(client)], [(long)window.TotalMilliseconds]))!;
        var count = (long)result[0];
        var remaining = TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1]));
        return count <= limit
            ? new RateDecision(true, count, TimeSpan.Zero)
            : new RateDecision(false, count, remaining);
    }
}
