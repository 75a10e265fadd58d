using Ledger.Postings;
using Ledger.Reporting;
using Xunit;

namespace Ledger.PostgresTests;

[Collection(SharedDatabase.Name)]
public sealed class ReportTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly CancellationToken _ct = CancellationToken.None;

    public Task InitializeAsync() => fixture.Database.ResetAsync(_ct);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_statement_shows_each_entry_with_the_running_balance()
    {
        await fixture.OpenAsync("bank", "alice", "bob");
        await fixture.Ledger.PostAsync(Journal.Transfer("S-1", "bank", "alice", 100m, "Top-up"), _ct);
        await fixture.Ledger.PostAsync(Journal.Transfer("S-2", "alice", "bob", 35.5m, "Groceries"), _ct);
        await fixture.Ledger.PostAsync(Journal.Transfer("S-3", "bob", "alice", 5.5m, "Change"), _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        var statement = await fixture.Reports.StatementAsync("alice", _ct);

        Assert.Equal(
            [
                new StatementLine("S-1", "Top-up", 100m, 100m),
                new StatementLine("S-2", "Groceries", -35.5m, 64.5m),
                new StatementLine("S-3", "Change", 5.5m, 70m),
            ],
            statement);
    }

    [Fact]
    public async Task The_trial_balance_lists_every_account_and_its_debits_equal_its_credits()
    {
        await fixture.OpenAsync("bank", "alice", "bob", "carol");
        await fixture.FundAsync("alice", 80m);
        await fixture.FundAsync("bob", 20m);
        await fixture.Ledger.PostAsync(Journal.Transfer("TB-1", "alice", "bob", 15m, "Tickets"), _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        var trialBalance = await fixture.Reports.TrialBalanceAsync(_ct);

        Assert.Equal(["alice", "bank", "bob", "carol"], trialBalance.Select(line => line.Code));
        Assert.Equal(115m, trialBalance.Sum(line => line.Debits));
        Assert.Equal(115m, trialBalance.Sum(line => line.Credits));
        Assert.Equal(0m, trialBalance.Single(line => line.Code == "carol").Balance);
    }

    [Fact]
    public async Task Stored_balances_reconcile_with_the_entries()
    {
        await fixture.OpenAsync("bank", "alice", "bob");
        for (var i = 1; i <= 5; i++)
        {
            await fixture.FundAsync(i % 2 == 0 ? "alice" : "bob", 10m * i);
        }

        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Empty(await fixture.Reports.UnreconciledAccountsAsync(_ct));
        Assert.Empty(await fixture.Reports.UnbalancedTransfersAsync(_ct));
        Assert.Equal(new LedgerTotals(Accounts: 3, Transfers: 5, Entries: 10, Volume: 150m, Net: 0m), await fixture.Reports.TotalsAsync(_ct));
    }
}
