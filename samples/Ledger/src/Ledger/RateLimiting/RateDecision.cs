namespace Ledger.RateLimiting;

/// <summary>Whether a request may proceed, how many the client made in this window, and when to retry.</summary>
public sealed record RateDecision(bool Allowed, long Count, TimeSpan RetryAfter);
