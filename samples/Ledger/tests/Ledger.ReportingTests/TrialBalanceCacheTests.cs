using Ledger.Accounts;
using Ledger.Reporting;

namespace Ledger.ReportingTests;

[TestClass]
public sealed class TrialBalanceCacheTests : LedgerTest
{
    [TestMethod]
    public async Task The_first_read_computes_the_trial_balance_and_the_next_comes_from_redis()
    {
        await OpenAsync("bank", "alice", "bob");
        await FundAsync("alice", 60m);

        var first = await TrialBalance.GetAsync(None);
        var second = await TrialBalance.GetAsync(None);
        await Database.WaitOnServerAsync(None);

        Assert.IsFalse(first.FromCache);
        Assert.IsTrue(second.FromCache);
        Assert.AreEqual(3, second.Report.Count);
        Assert.AreEqual(60m, second.Report.Sum(line => line.Debits));
        Assert.AreEqual(1L, await Redis.KeyCountAsync());
    }

    [TestMethod]
    public async Task A_transfer_through_the_service_invalidates_the_cached_trial_balance()
    {
        await OpenAsync("bank", "alice", "bob");
        await FundAsync("alice", 60m);
        await TrialBalance.GetAsync(None);

        await Service().TransferAsync(Request("tb-1", "alice", "bob", 25m), None);
        await Database.WaitOnServerAsync(None);
        var after = await TrialBalance.GetAsync(None);

        Assert.IsFalse(after.FromCache);
        Assert.AreEqual(85m, after.Report.Sum(line => line.Debits));
        Assert.AreEqual(25m, after.Report.Single(line => line.Code == "bob").Debits);
        Assert.AreEqual(25m, after.Report.Single(line => line.Code == "alice").Credits);
    }

    [TestMethod]
    [DataRow("Petty cash (\"front desk\")")]
    [DataRow("Owner's \"drawings\" (2026)")]
    public async Task Account_names_survive_the_cached_report(string name)
    {
        await OpenAsync("bank");
        await Accounts.OpenAsync(new NewAccount("petty", name, AccountKind.Asset, "EUR"), None);
        await TrialBalance.GetAsync(None);

        await Redis.WaitOnServerAsync();
        var cached = await TrialBalance.GetAsync(None);

        Assert.IsTrue(cached.FromCache);
        CollectionAssert.AreEqual(
            new List<TrialBalanceLine> { new("bank", "Bank (settlement)", AccountKind.Asset, 0m, 0m), new("petty", name, AccountKind.Asset, 0m, 0m) },
            cached.Report.ToList());
        Assert.AreEqual(2L, await Database.CountAsync("accounts", None));
    }
}
