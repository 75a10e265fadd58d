using Ledger.Caching;
using Ledger.Testing;
using NUnit.Framework;

namespace Ledger.RedisTests;

public sealed class BalanceCacheTests : RedisTest
{
    [TestCase("cash")]
    [TestCase("say \"hi\" (twice)")]
    [TestCase("customer:42 (EUR)")]
    public async Task A_cached_balance_is_read_back(string code)
    {
        var cache = new RedisBalanceCache(Redis.Database, TimeSpan.FromMinutes(5));

        await cache.SetAsync(code, 12.34m);
        await Redis.WaitOnServerAsync();

        Assert.That(await cache.TryGetAsync(code), Is.EqualTo(12.34m));
        Assert.That(await Redis.KeysAsync(RedisBalanceCache.KeyPrefix), Is.EqualTo(new List<string> { RedisBalanceCache.KeyPrefix + code }));
        Assert.That(await cache.StatisticsAsync(), Is.EqualTo(new CacheStatistics(Hits: 1, Misses: 0)));
    }

    [Test]
    public async Task An_expired_balance_is_a_miss()
    {
        var cache = new RedisBalanceCache(Redis.Database, TimeSpan.FromMilliseconds(250));

        await cache.SetAsync("alice", 10m);
        await Poll.UntilAsync(() => cache.TryGetAsync("alice"), balance => balance is null, "the cached balance to expire");

        Assert.That(await Redis.KeysAsync(RedisBalanceCache.KeyPrefix), Is.Empty);
        Assert.That((await cache.StatisticsAsync()).Misses, Is.EqualTo(1));
    }

    [Test]
    public async Task Invalidating_accounts_forgets_only_those()
    {
        var cache = new RedisBalanceCache(Redis.Database, TimeSpan.FromMinutes(5));
        await cache.SetAsync("alice", 1m);
        await cache.SetAsync("bob", 2m);
        await cache.SetAsync("carol", 3m);

        var forgotten = await cache.InvalidateAsync("alice", "carol", "dave");
        await Redis.WaitOnServerAsync();

        Assert.That(forgotten, Is.EqualTo(2));
        Assert.That(await Redis.KeysAsync(RedisBalanceCache.KeyPrefix), Is.EqualTo(new List<string> { "ledger:balance:bob" }));
        Assert.That((await cache.TryGetAsync("alice"), await cache.TryGetAsync("bob")), Is.EqualTo(((decimal?)null, (decimal?)2m)));
        Assert.That(await cache.StatisticsAsync(), Is.EqualTo(new CacheStatistics(Hits: 1, Misses: 1)));
    }

    [Test]
    public async Task A_miss_loads_once_and_then_serves_from_the_cache()
    {
        var cache = new RedisBalanceCache(Redis.Database, TimeSpan.FromMinutes(5));
        var loads = 0;
        Task<decimal?> Load(CancellationToken ct)
        {
            loads++;
            return Task.FromResult<decimal?>(42m);
        }

        var first = await cache.GetOrLoadAsync("alice", Load, CancellationToken.None);
        await Redis.WaitOnServerAsync();
        var second = await cache.GetOrLoadAsync("alice", Load, CancellationToken.None);

        Assert.That((first, second, loads), Is.EqualTo((42m, 42m, 1)));
        Assert.That(await cache.StatisticsAsync(), Is.EqualTo(new CacheStatistics(Hits: 1, Misses: 1)));
        Assert.That(await Redis.KeyCountAsync(), Is.EqualTo(2));
    }
}
