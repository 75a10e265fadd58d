using StackExchange.Redis;

namespace Shop.Sessions;

/// <summary>
/// Sessions in Redis under <c>{prefix}session:{token}</c>. The key carries a Redis expiry (the store
/// forgets the session) and the value its own expiry time (a token is never honoured late, even when
/// Redis has not evicted it yet); a short grace lets "expired" be told apart from "never existed".
/// </summary>
public sealed class RedisSessionStore(IDatabase redis, string keyPrefix, TimeProvider time, TimeSpan expiredGrace) : ISessionStore
{
    public async Task<Session> CreateAsync(string customerId, TimeSpan lifetime, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var session = new Session(SessionToken.NewToken(), customerId, time.GetUtcNow() + lifetime);
        await redis.StringSetAsync(KeyOf(session.Token), SessionRecord.Format(session), lifetime + expiredGrace);
        return session;
    }

    public async Task<SessionValidation> ValidateAsync(string? token, CancellationToken ct)
    {
        if (!SessionToken.IsWellFormed(token))
        {
            return new SessionValidation(SessionStatus.Malformed);
        }

        var stored = await redis.StringGetAsync(KeyOf(token!));
        if (stored.IsNullOrEmpty)
        {
            return new SessionValidation(SessionStatus.Unknown);
        }

        var session = SessionRecord.TryParse(token!, stored.ToString());
        if (session is null)
        {
            return new SessionValidation(SessionStatus.Malformed);
        }

        return session.IsExpiredAt(time.GetUtcNow())
            ? new SessionValidation(SessionStatus.Expired)
            : new SessionValidation(SessionStatus.Valid, session);
    }

    public Task<bool> RevokeAsync(string token, CancellationToken ct) => redis.KeyDeleteAsync(KeyOf(token));

    public RedisKey KeyOf(string token) => $"{keyPrefix}session:{token}";
}
