using Ledger.Accounts;
using Xunit;

namespace Ledger.PostgresTests;

[Collection(SharedDatabase.Name)]
public sealed class AccountTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly CancellationToken _ct = CancellationToken.None;

    public Task InitializeAsync() => fixture.Database.ResetAsync(_ct);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Opened_accounts_start_at_zero_and_are_listed_by_code()
    {
        await fixture.OpenAsync("carol", "alice", "bob");

        await fixture.Database.WaitOnServerAsync(_ct);

        var accounts = await fixture.Accounts.ListAsync(includeClosed: false, _ct);
        Assert.Equal(["alice", "bob", "carol"], accounts.Select(account => account.Code));
        Assert.All(accounts, account => Assert.Equal(0m, account.Balance));
    }

    [Fact]
    public async Task Account_ids_start_at_one_in_a_fresh_ledger()
    {
        await fixture.OpenAsync("alice", "bob");

        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(1, (await fixture.Accounts.FindAsync("alice", _ct))?.Id);
        Assert.Equal(2, (await fixture.Accounts.FindAsync("bob", _ct))?.Id);
    }

    [Fact]
    public async Task An_account_code_is_taken_once()
    {
        await fixture.OpenAsync("alice");

        var duplicate = await Assert.ThrowsAsync<DuplicateAccountException>(() => fixture.OpenAsync("alice"));
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal("alice", duplicate.Code);
        Assert.Equal(1, await fixture.Database.CountAsync("accounts", _ct));
    }

    [Fact]
    public async Task An_account_with_money_in_it_cannot_be_closed()
    {
        await fixture.OpenAsync("bank", "alice");
        await fixture.FundAsync("alice", 25m);

        var outcome = await fixture.Accounts.CloseAsync("alice", _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(CloseOutcome.BalanceNotZero, outcome);
        Assert.Equal(2, (await fixture.Accounts.ListAsync(includeClosed: false, _ct)).Count);
    }

    [Fact]
    public async Task A_closed_account_leaves_the_open_list_but_stays_on_the_books()
    {
        await fixture.OpenAsync("alice", "bob");

        Assert.Equal(CloseOutcome.Closed, await fixture.Accounts.CloseAsync("bob", _ct));
        Assert.Equal(CloseOutcome.AlreadyClosed, await fixture.Accounts.CloseAsync("bob", _ct));
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(["alice"], (await fixture.Accounts.ListAsync(includeClosed: false, _ct)).Select(account => account.Code));
        Assert.Equal(2, (await fixture.Accounts.ListAsync(includeClosed: true, _ct)).Count);
    }
}
