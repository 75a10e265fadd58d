namespace Ledger.Reporting;

/// <summary>A report and whether it came from the cache.</summary>
public sealed record CachedReport<T>(T Report, bool FromCache);
