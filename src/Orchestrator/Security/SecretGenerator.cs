using System.Security.Cryptography;

namespace Orchestrator.Security;

/// <summary>Per-run secrets: URL-safe alphanumerics, safe in connection strings, URIs and shell arguments.</summary>
public static class SecretGenerator
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Create(int length = 24) => RandomNumberGenerator.GetString(Alphabet, length);
}
