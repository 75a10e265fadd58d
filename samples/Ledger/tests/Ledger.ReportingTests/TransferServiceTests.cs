using Ledger.Accounts;
using Ledger.Caching;
using Ledger.Idempotency;
using Ledger.Postings;
using Ledger.RateLimiting;
using Ledger.Transfers;

namespace Ledger.ReportingTests;

[TestClass]
public sealed class TransferServiceTests : LedgerTest
{
    [TestMethod]
    public async Task A_retried_request_is_posted_once_and_answered_from_the_stored_result()
    {
        await OpenAsync("bank", "alice", "bob");
        await FundAsync("alice", 100m);
        var service = Service();

        var first = await service.TransferAsync(Request("req-1", "alice", "bob", 40m), None);
        var retry = await service.TransferAsync(Request("req-1", "alice", "bob", 40m), None);
        await Database.WaitOnServerAsync(None);

        Assert.AreEqual(new TransferReceipt(TransferStatus.Decided, PostingOutcome.Posted), first);
        Assert.AreEqual(new TransferReceipt(TransferStatus.Decided, PostingOutcome.Posted, Replayed: true), retry);
        Assert.AreEqual(2L, await Database.CountAsync("transfers", None));
        Assert.AreEqual(60m, await Ledger.BalanceAsync("alice", None));
        Assert.AreEqual(1, (await Redis.KeysAsync(RedisIdempotencyKeys.KeyPrefix)).Count);
    }

    [TestMethod]
    public async Task A_rate_limited_client_posts_nothing()
    {
        await OpenAsync("bank", "alice", "bob");
        await FundAsync("alice", 100m);
        var service = Service(requestsPerMinute: 2);

        var receipts = new List<TransferReceipt>();
        for (var i = 1; i <= 3; i++)
        {
            receipts.Add(await service.TransferAsync(Request($"burst-{i}", "alice", "bob", 5m, client: "script"), None));
        }

        await Database.WaitOnServerAsync(None);

        Assert.AreEqual(TransferStatus.RateLimited, receipts[2].Status);
        Assert.IsTrue(receipts[2].RetryAfter > TimeSpan.Zero);
        Assert.AreEqual(1 + 2L, await Database.CountAsync("transfers", None));
        Assert.AreEqual(90m, await Ledger.BalanceAsync("alice", None));
        Assert.AreEqual(2, (await Redis.KeysAsync(RedisIdempotencyKeys.KeyPrefix)).Count);
        Assert.AreEqual(1, (await Redis.KeysAsync(RedisRateLimiter.KeyPrefix)).Count);
    }

    [TestMethod]
    public async Task A_refused_transfer_is_remembered_under_its_key()
    {
        await OpenAsync("bank", "alice", "bob");
        var service = Service();

        var refused = await service.TransferAsync(Request("req-2", "alice", "bob", 10m), None);
        await FundAsync("alice", 100m);
        var retry = await service.TransferAsync(Request("req-2", "alice", "bob", 10m), None);
        await Database.WaitOnServerAsync(None);

        Assert.AreEqual(PostingOutcome.InsufficientFunds, refused.Outcome);
        Assert.AreEqual(new TransferReceipt(TransferStatus.Decided, PostingOutcome.InsufficientFunds, Replayed: true), retry);
        Assert.AreEqual(1L, await Database.CountAsync("transfers", None));
        Assert.AreEqual(0m, await Ledger.BalanceAsync("bob", None));
    }

    [TestMethod]
    public async Task Balances_come_from_redis_until_a_transfer_invalidates_them()
    {
        await OpenAsync("bank", "alice", "bob");
        await FundAsync("alice", 100m);
        var service = Service();
        await service.BalanceAsync("alice", None);
        await service.BalanceAsync("bob", None);

        await service.TransferAsync(Request("req-3", "alice", "bob", 30m), None);
        await Redis.WaitOnServerAsync();

        Assert.IsNull(await Balances.TryGetAsync("alice"), "the transfer left alice's old balance in the cache");
        Assert.AreEqual(70m, await service.BalanceAsync("alice", None));
        Assert.AreEqual(30m, await service.BalanceAsync("bob", None));
        Assert.AreEqual(new CacheStatistics(Hits: 0, Misses: 5), await Balances.StatisticsAsync());
        Assert.AreEqual(2, (await Redis.KeysAsync(RedisBalanceCache.KeyPrefix)).Count);
    }

    [TestMethod]
    public async Task An_account_emptied_through_the_service_can_be_closed()
    {
        await OpenAsync("bank", "alice", "bob");
        await FundAsync("alice", 50m);

        await Service().TransferAsync(Request("req-4", "alice", "bob", 50m), None);
        var closed = await Accounts.CloseAsync("alice", None);
        await Database.WaitOnServerAsync(None);

        Assert.AreEqual(CloseOutcome.Closed, closed);
        Assert.AreEqual(2, (await Accounts.ListAsync(includeClosed: false, None)).Count);
        Assert.AreEqual(0m, await Database.SumOfBalancesAsync(None));
    }
}
