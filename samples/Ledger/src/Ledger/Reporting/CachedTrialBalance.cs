using System.Text.Json;
using StackExchange.Redis;

namespace Ledger.Reporting;

/// <summary>
/// The trial balance kept in Redis under <see cref="Key"/> for <paramref name="lifetime"/>, so that
/// dashboards do not recompute it on every refresh; a posting invalidates it.
/// </summary>
public sealed class CachedTrialBalance(LedgerReports reports, IDatabase redis, TimeSpan lifetime)
{
    public const string Key = "ledger:report:trial-balance";

    public async Task<CachedReport<IReadOnlyList<TrialBalanceLine>>> GetAsync(CancellationToken ct)
    {
        var cached = await redis.StringGetAsync(Key);
        if (cached.HasValue && TryRead(cached.ToString()) is { } lines)
        {
            return new CachedReport<IReadOnlyList<TrialBalanceLine>>(lines, FromCache: true);
        }

        var fresh = await reports.TrialBalanceAsync(ct);
        await redis.StringSetAsync(Key, JsonSerializer.Serialize(fresh), lifetime);
        return new CachedReport<IReadOnlyList<TrialBalanceLine>>(fresh, FromCache: false);
    }

    public Task<bool> InvalidateAsync() => redis.KeyDeleteAsync(Key);

    private static List<TrialBalanceLine>? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<TrialBalanceLine>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
