using Ledger.RateLimiting;
using Ledger.Testing;
using NUnit.Framework;

namespace Ledger.RedisTests;

public sealed class RateLimiterTests : RedisTest
{
    [Test]
    public async Task A_client_gets_the_limit_and_no_more_in_one_window()
    {
        var limiter = new RedisRateLimiter(Redis.Database, limit: 5, window: TimeSpan.FromMinutes(1));

        var decisions = new List<RateDecision>();
        for (var i = 0; i < 7; i++)
        {
            decisions.Add(await limiter.TryAcquireAsync("mobile"));
        }

        await Redis.WaitOnServerAsync();

        Assert.That(decisions.Select(decision => decision.Allowed), Is.EqualTo(new List<bool> { true, true, true, true, true, false, false }));
        Assert.That(decisions[^1].RetryAfter, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(await Redis.KeysAsync(RedisRateLimiter.KeyPrefix), Is.EqualTo(new List<string> { "ledger:rate:mobile" }));
    }

    [TestCase("api")]
    [TestCase("partner \"Acme\" (sandbox)")]
    public async Task Clients_are_counted_apart(string other)
    {
        var limiter = new RedisRateLimiter(Redis.Database, limit: 2, window: TimeSpan.FromMinutes(1));

        await limiter.TryAcquireAsync("web");
        await limiter.TryAcquireAsync("web");
        var first = await limiter.TryAcquireAsync(other);
        var second = await limiter.TryAcquireAsync(other);
        await Redis.WaitOnServerAsync();

        Assert.That((first.Allowed, second.Allowed, second.Count), Is.EqualTo((true, true, 2L)));
        Assert.That(await Redis.KeyCountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_new_window_lets_the_client_in_again()
    {
        var limiter = new RedisRateLimiter(Redis.Database, limit: 1, window: TimeSpan.FromMilliseconds(250));
        await limiter.TryAcquireAsync("batch");
        var rejected = await limiter.TryAcquireAsync("batch");

        var admitted = await Poll.UntilAsync(() => limiter.TryAcquireAsync("batch"), decision => decision.Allowed, "a new rate-limit window");

        Assert.That(rejected.Allowed, Is.False);
        Assert.That(admitted.Count, Is.EqualTo(1));
        Assert.That(await Redis.KeyCountAsync(), Is.EqualTo(1));
    }
}
