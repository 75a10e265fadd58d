using System.Collections.Concurrent;

namespace Shop.Sessions;

public sealed class InMemorySessionStore(TimeProvider time) : ISessionStore
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public Task<Session> CreateAsync(string customerId, TimeSpan lifetime, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var session = new Session(SessionToken.NewToken(), customerId, time.GetUtcNow() + lifetime);
        _sessions[session.Token] = session;
        return Task.FromResult(session);
    }

    public Task<SessionValidation> ValidateAsync(string? token, CancellationToken ct)
    {
        if (!SessionToken.IsWellFormed(token))
        {
            return Task.FromResult(new SessionValidation(SessionStatus.Malformed));
        }

        if (!_sessions.TryGetValue(token!, out var session))
        {
            return Task.FromResult(new SessionValidation(SessionStatus.Unknown));
        }

        return Task.FromResult(session.IsExpiredAt(time.GetUtcNow())
            ? new SessionValidation(SessionStatus.Expired)
            : new SessionValidation(SessionStatus.Valid, session));
    }

    public Task<bool> RevokeAsync(string token, CancellationToken ct) => Task.FromResult(_sessions.TryRemove(token, out _));
}
