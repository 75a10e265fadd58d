namespace Shop.Sessions;

public interface ISessionStore
{
    Task<Session> CreateAsync(string customerId, TimeSpan lifetime, CancellationToken ct);

    Task<SessionValidation> ValidateAsync(string? token, CancellationToken ct);

    Task<bool> RevokeAsync(string token, CancellationToken ct);
}
