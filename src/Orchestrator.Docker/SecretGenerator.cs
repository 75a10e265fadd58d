using System.Security.Cryptography;

namespace Orchestrator.Docker;

/// <summary>Per-run secrets: URL-safe alphanumerics, safe in connection strings, URIs and shell arguments.</summary>
internal static class SecretGenerator
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Create(int length = 24) => RandomNumberGenerator.GetString(Alphabet, length);
}
