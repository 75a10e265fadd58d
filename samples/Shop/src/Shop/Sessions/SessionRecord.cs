using System.Globalization;

namespace Shop.Sessions;

/// <summary>How a session is stored as one string: <c>customerId|expiresAtUnixMilliseconds</c>.</summary>
public static class SessionRecord
{
    public static string Format(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return string.Create(CultureInfo.InvariantCulture, $"{session.CustomerId}|{session.ExpiresAt.ToUnixTimeMilliseconds()}");
    }

    public static Session? TryParse(string token, string? stored)
    {
        var separator = stored?.LastIndexOf('|') ?? -1;
        if (stored is null || separator <= 0
            || !long.TryParse(stored.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return null;
        }

        return new Session(token, stored[..separator], DateTimeOffset.FromUnixTimeMilliseconds(expiresAt));
    }
}
