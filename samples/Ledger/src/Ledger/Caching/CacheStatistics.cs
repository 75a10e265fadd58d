namespace Ledger.Caching;

/// <summary>How often the balance cache answered (hits) or sent the caller to the database (misses).</summary>
public sealed record CacheStatistics(long Hits, long Misses);
