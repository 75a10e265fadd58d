using Ledger.Idempotency;
using Ledger.Reporting;

namespace Ledger.ReportingTests;

[TestClass]
public sealed class LedgerTotalsTests : LedgerTest
{
    [TestMethod]
    public async Task Totals_count_every_transfer_made_through_the_service()
    {
        await OpenAsync("bank", "alice", "bob");
        await FundAsync("alice", 200m);
        var service = Service();
        for (var i = 1; i <= 5; i++)
        {
            await service.TransferAsync(Request($"tot-{i}", "alice", "bob", 10m * i), None);
        }

        await Database.WaitOnServerAsync(None);

        Assert.AreEqual(new LedgerTotals(Accounts: 3, Transfers: 6, Entries: 12, Volume: 350m, Net: 0m), await Reports.TotalsAsync(None));
        Assert.AreEqual(5, (await Reports.StatementAsync("bob", None)).Count);
        Assert.AreEqual(5, (await Redis.KeysAsync(RedisIdempotencyKeys.KeyPrefix)).Count);
        Assert.AreEqual(1 + 5L, await Redis.KeyCountAsync());
    }
}
