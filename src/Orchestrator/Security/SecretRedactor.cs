using System.Collections.Concurrent;

namespace Orchestrator.Security;

/// <summary>
/// Holds the run's secrets (per-run passwords, connection strings that contain them) and removes
/// them from any text before it reaches the console, a log or a report. Thread-safe.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    // Secrets shorter than this would mask ordinary words; per-run secrets are long random strings.
    private const int MinimumLength = 6;

    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);
    private volatile string[] _ordered = [];

    public void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumLength || !_secrets.TryAdd(secret, 0))
        {
            return;
        }
        // Longest first, so a secret that contains another is masked whole.
        _ordered = [.. _secrets.Keys.OrderByDescending(s => s.Length)];
    }

    /// <summary>The secrets, longest first (a snapshot).</summary>
    internal IReadOnlyList<string> Secrets => _ordered;

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }
        foreach (var secret in _ordered)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
