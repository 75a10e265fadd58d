using Shop.Sessions;
using Shop.Testing;
using Shop.Testing.Services;
using Xunit;

namespace Shop.IntegrationTests.Sessions;

[Trait("Category", "Integration")]
[Trait("Resource", "redis")]
public sealed class RedisSessionStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly RedisSessionStore _store = new(redis.Database, UniqueNames.KeyPrefix(), TimeProvider.System, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_session_stored_in_redis_validates_for_its_customer()
    {
        var session = await _store.CreateAsync("c-redis", TimeSpan.FromMinutes(5), CancellationToken.None);

        var validation = await _store.ValidateAsync(session.Token, CancellationToken.None);

        Assert.True(validation.IsValid);
        Assert.Equal("c-redis", validation.Session?.CustomerId);
    }

    [Fact]
    public async Task A_session_past_its_lifetime_is_reported_expired_while_redis_still_holds_it()
    {
        var session = await _store.CreateAsync("c-redis", TimeSpan.FromMilliseconds(150), CancellationToken.None);

        await Poll.UntilAsync(
            async () => (await _store.ValidateAsync(session.Token, CancellationToken.None)).Status == SessionStatus.Expired,
            "the session to expire");

        Assert.True(await redis.Database.KeyExistsAsync(_store.KeyOf(session.Token)));
    }

    [Fact]
    public async Task Redis_evicts_a_session_after_its_lifetime_and_grace()
    {
        var store = new RedisSessionStore(redis.Database, UniqueNames.KeyPrefix(), TimeProvider.System, TimeSpan.FromMilliseconds(50));
        var session = await store.CreateAsync("c-redis", TimeSpan.FromMilliseconds(100), CancellationToken.None);

        await Poll.UntilAsync(async () => !await redis.Database.KeyExistsAsync(store.KeyOf(session.Token)), "redis to evict the session");

        Assert.Equal(SessionStatus.Unknown, (await store.ValidateAsync(session.Token, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_session_key_carries_its_lifetime_plus_grace_as_redis_expiry()
    {
        var session = await _store.CreateAsync("c-redis", TimeSpan.FromMinutes(10), CancellationToken.None);

        var ttl = await redis.Database.KeyTimeToLiveAsync(_store.KeyOf(session.Token));

        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10.5));
    }

    [Fact]
    public async Task A_revoked_session_is_gone_from_redis()
    {
        var session = await _store.CreateAsync("c-redis", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.True(await _store.RevokeAsync(session.Token, CancellationToken.None));
        Assert.Equal(SessionStatus.Unknown, (await _store.ValidateAsync(session.Token, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_corrupted_session_value_is_rejected_as_malformed()
    {
        var token = SessionToken.NewToken();
        await redis.Database.StringSetAsync(_store.KeyOf(token), "garbage-without-expiry", TimeSpan.FromMinutes(1));

        Assert.Equal(SessionStatus.Malformed, (await _store.ValidateAsync(token, CancellationToken.None)).Status);
    }
}
