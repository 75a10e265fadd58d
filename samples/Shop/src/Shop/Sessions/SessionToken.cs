using System.Security.Cryptography;

namespace Shop.Sessions;

/// <summary>An opaque bearer token: 32 random bytes, URL-safe base64 without padding (43 characters).</summary>
public static class SessionToken
{
    public const int Length = 43;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
