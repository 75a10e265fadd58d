using Ledger.Accounts;
using Ledger.Caching;
using Ledger.Idempotency;
using Ledger.Postings;
using Ledger.RateLimiting;
using Ledger.Reporting;
using Ledger.Testing;
using Ledger.Transfers;

namespace Ledger.ReportingTests;

/// <summary>
/// Every test starts from an empty ledger and an empty Redis db, and wires the services the way the
/// API does.
/// </summary>
public abstract class LedgerTest
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected static LedgerDatabase Database => AssemblySetUp.Database;

    protected static LedgerRedis Redis => AssemblySetUp.Redis;

    protected static AccountStore Accounts => new(Database.DataSource);

    protected static PostgresLedger Ledger => new(Database.DataSource);

    protected static LedgerReports Reports => new(Database.DataSource);

    protected static CachedTrialBalance TrialBalance => new(Reports, Redis.Database, TimeSpan.FromMinutes(5));

    protected static RedisBalanceCache Balances => new(Redis.Database, TimeSpan.FromMinutes(5));

    [TestInitialize]
    public async Task ResetAsync()
    {
        await Database.ResetAsync(None);
        await Redis.FlushAsync();
    }

    protected static TransferService Service(int requestsPerMinute = 100) => new(
        Ledger,
        new RedisRateLimiter(Redis.Database, requestsPerMinute, TimeSpan.FromMinutes(1)),
        new RedisIdempotencyKeys(Redis.Database, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24)),
        Balances,
        TrialBalance);

    protected static async Task OpenAsync(params string[] codes)
    {
        foreach (var code in codes)
        {
            await Accounts.OpenAsync(code == "bank"
                ? new NewAccount("bank", "Bank (settlement)", AccountKind.Asset, "EUR", OverdraftLimit: null)
                : new NewAccount(code, $"Customer {code}", AccountKind.Liability, "EUR"), None);
        }
    }

    protected static async Task FundAsync(string code, decimal amount)
    {
        var result = await Ledger.PostAsync(Journal.Transfer($"funding-{code}-{Guid.NewGuid():N}", "bank", code, amount, "Card top-up"), None);
        Assert.IsTrue(result.Posted, $"funding {code} failed: {result}");
    }

    protected static TransferRequest Request(string key, string from, string to, decimal amount, string client = "web") =>
        new(client, key, from, to, amount, $"Transfer {key}");
}
