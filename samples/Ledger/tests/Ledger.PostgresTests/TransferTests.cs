using Ledger.Accounts;
using Ledger.Postings;
using Xunit;

namespace Ledger.PostgresTests;

[Collection(SharedDatabase.Name)]
public sealed class TransferTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly CancellationToken _ct = CancellationToken.None;

    public Task InitializeAsync() => fixture.Database.ResetAsync(_ct);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_transfer_writes_two_entries_that_sum_to_zero()
    {
        await fixture.OpenAsync("bank", "alice");

        var result = await fixture.Ledger.PostAsync(Journal.Transfer("T-1", "bank", "alice", 100m, "Top-up"), _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(new PostingResult(PostingOutcome.Posted, 1), result);
        Assert.Equal(1, await fixture.Database.CountAsync("transfers", _ct));
        Assert.Equal(2, await fixture.Database.CountAsync("entries", _ct));
        Assert.Equal(0m, await fixture.Database.SumOfBalancesAsync(_ct));
    }

    [Fact]
    public async Task Balances_follow_the_transfers()
    {
        await fixture.OpenAsync("bank", "alice", "bob");
        await fixture.FundAsync("alice", 100m);

        await fixture.Ledger.PostAsync(Journal.Transfer("T-2", "alice", "bob", 30m, "Dinner"), _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(70m, await fixture.Ledger.BalanceAsync("alice", _ct));
        Assert.Equal(30m, await fixture.Ledger.BalanceAsync("bob", _ct));
        Assert.Equal(-100m, await fixture.Ledger.BalanceAsync("bank", _ct));
    }

    [Fact]
    public async Task A_transfer_beyond_the_balance_is_refused_and_writes_nothing()
    {
        await fixture.OpenAsync("bank", "alice", "bob");
        await fixture.FundAsync("alice", 50m);

        var result = await fixture.Ledger.PostAsync(Journal.Transfer("T-3", "alice", "bob", 80m, "Rent"), _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(PostingOutcome.InsufficientFunds, result.Outcome);
        Assert.Equal(1, await fixture.Database.CountAsync("transfers", _ct));
        Assert.Equal(2, await fixture.Database.CountAsync("entries", _ct));
        Assert.Equal(50m, await fixture.Ledger.BalanceAsync("alice", _ct));
    }

    [Fact]
    public async Task An_overdraft_limit_lets_an_account_go_negative_down_to_it()
    {
        await fixture.OpenAsync("bob");
        await fixture.Accounts.OpenAsync(new NewAccount("alice", "Alice (overdraft)", AccountKind.Liability, "EUR", OverdraftLimit: 100m), _ct);

        var withinLimit = await fixture.Ledger.PostAsync(Journal.Transfer("T-4", "alice", "bob", 100m, "Deposit"), _ct);
        var beyondLimit = await fixture.Ledger.PostAsync(Journal.Transfer("T-5", "alice", "bob", 0.01m, "Fee"), _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(PostingOutcome.Posted, withinLimit.Outcome);
        Assert.Equal(PostingOutcome.InsufficientFunds, beyondLimit.Outcome);
        Assert.Equal(-100m, await fixture.Ledger.BalanceAsync("alice", _ct));
        Assert.Equal(2, await fixture.Database.CountAsync("entries", _ct));
    }

    [Fact]
    public async Task The_same_reference_is_posted_once()
    {
        await fixture.OpenAsync("bank", "alice");
        var transfer = Journal.Transfer("T-6", "bank", "alice", 10m, "Refund");

        var first = await fixture.Ledger.PostAsync(transfer, _ct);
        var second = await fixture.Ledger.PostAsync(transfer, _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(PostingOutcome.Posted, first.Outcome);
        Assert.Equal(PostingOutcome.Duplicate, second.Outcome);
        Assert.Equal(1, await fixture.Database.CountAsync("transfers", _ct));
        Assert.Equal(10m, await fixture.Ledger.BalanceAsync("alice", _ct));
    }

    [Fact]
    public async Task A_transfer_to_an_unknown_account_is_refused()
    {
        await fixture.OpenAsync("bank");

        var result = await fixture.Ledger.PostAsync(Journal.Transfer("T-7", "bank", "nobody", 10m, "Typo"), _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(PostingOutcome.UnknownAccount, result.Outcome);
        Assert.Equal(0, await fixture.Database.CountAsync("transfers", _ct));
        Assert.Equal(0, await fixture.Database.CountAsync("entries", _ct));
    }

    [Fact]
    public async Task Accounts_in_different_currencies_cannot_be_mixed()
    {
        await fixture.OpenAsync("bank");
        await fixture.Accounts.OpenAsync(new NewAccount("alice-usd", "Alice (USD)", AccountKind.Liability, "USD"), _ct);

        var result = await fixture.Ledger.PostAsync(Journal.Transfer("T-8", "bank", "alice-usd", 10m, "Top-up"), _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(PostingOutcome.CurrencyMismatch, result.Outcome);
        Assert.Equal(0, await fixture.Database.CountAsync("entries", _ct));
    }
}
