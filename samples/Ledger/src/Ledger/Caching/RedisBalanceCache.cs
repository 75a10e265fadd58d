using System.Globalization;
using StackExchange.Redis;

namespace Ledger.Caching;

/// <summary>
/// Account balances cached in Redis under <c>ledger:balance:{code}</c> for <paramref name="lifetime"/>.
/// A posting invalidates the accounts it touched; the lifetime bounds how stale a missed invalidation
/// can leave a balance. Hits and misses are counted in <see cref="StatisticsKey"/> for the dashboards.
/// </summary>
public sealed class RedisBalanceCache(IDatabase redis, TimeSpan lifetime)
{
    public const string KeyPrefix = "ledger:balance:";

    public const string StatisticsKey = "ledger:stats:balance-cache";

    private const string Hits = "hits";

    private const string Misses = "misses";

    public static RedisKey KeyOf(string code) => KeyPrefix + code;

    public async Task<decimal?> TryGetAsync(string code)
    {
        var value = await redis.StringGetAsync(KeyOf(code));
        decimal? balance = value.HasValue && decimal.TryParse(value.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
        await redis.HashIncrementAsync(StatisticsKey, balance is null ? Misses : Hits);
        return balance;
    }

    public async Task<CacheStatistics> StatisticsAsync()
    {
        var counts = await redis.HashGetAsync(StatisticsKey, [Hits, Misses]);
        return new CacheStatistics((long?)counts[0] ?? 0, (long?)counts[1] ?? 0);
    }

    public Task SetAsync(string code, decimal balance) =>
        redis.StringSetAsync(KeyOf(code), balance.ToString(CultureInfo.InvariantCulture), lifetime);

    /// <summary>The cached balance, or the loaded one (then cached); null when the loader knows no such account.</summary>
    public async Task<decimal?> GetOrLoadAsync(string code, Func<CancellationToken, Task<decimal?>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (await TryGetAsync(code) is { } cached)
        {
            return cached;
        }

        var loaded = await load(ct);
        if (loaded is { } balance)
        {
            await SetAsync(code, balance);
        }

        return loaded;
    }

    /// <summary>Forgets the given accounts' balances; returns how many were cached.</summary>
    public Task<long> InvalidateAsync(params IEnumerable<string> codes) =>
        redis.KeyDeleteAsync([.. codes.Select(KeyOf)]);
}
