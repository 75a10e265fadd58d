namespace Shop.Sessions;

public sealed record Session(string Token, string CustomerId, DateTimeOffset ExpiresAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;
}
