using Ledger.Postings;
using Xunit;

namespace Ledger.PostgresTests;

[Collection(SharedDatabase.Name)]
public sealed class JournalTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly CancellationToken _ct = CancellationToken.None;

    public Task InitializeAsync() => fixture.Database.ResetAsync(_ct);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_payroll_journal_posts_one_entry_per_leg()
    {
        await fixture.OpenAsync("bank", "alice", "bob", "carol");
        var payroll = new Journal("PAY-2026-11", "November payroll",
        [
            new Leg("bank", -4500m),
            new Leg("alice", 2000m),
            new Leg("bob", 1500m),
            new Leg("carol", 1000m),
        ]);

        var result = await fixture.Ledger.PostAsync(payroll, _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.True(result.Posted, result.Detail);
        Assert.Equal(4, await fixture.Database.CountAsync("entries", _ct));
        Assert.Equal(0m, await fixture.Database.SumOfBalancesAsync(_ct));
    }

    [Fact]
    public async Task An_unbalanced_journal_is_refused_before_it_reaches_the_database()
    {
        await fixture.OpenAsync("bank", "alice");
        var unbalanced = new Journal("BAD-1", "Missing a leg", [new Leg("bank", -100m), new Leg("alice", 90m)]);

        var result = await fixture.Ledger.PostAsync(unbalanced, _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(PostingOutcome.Invalid, result.Outcome);
        Assert.Contains("sum to -10", result.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Database.CountAsync("transfers", _ct));
    }

    [Fact]
    public async Task A_journal_touching_a_closed_account_is_refused()
    {
        await fixture.OpenAsync("bank", "alice", "bob");
        await fixture.Accounts.CloseAsync("bob", _ct);

        var result = await fixture.Ledger.PostAsync(
            new Journal("J-1", "Split", [new Leg("bank", -20m), new Leg("alice", 10m), new Leg("bob", 10m)]),
            _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(PostingOutcome.AccountClosed, result.Outcome);
        Assert.Equal(0, await fixture.Database.CountAsync("entries", _ct));
    }

    [Fact]
    public async Task Two_legs_on_one_account_are_netted_in_its_balance()
    {
        await fixture.OpenAsync("bank", "alice");

        var result = await fixture.Ledger.PostAsync(
            new Journal("J-2", "Charge and cashback", [new Leg("bank", -50m), new Leg("alice", 60m), new Leg("alice", -10m)]),
            _ct);
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.True(result.Posted, result.Detail);
        Assert.Equal(3, await fixture.Database.CountAsync("entries", _ct));
        Assert.Equal(50m, await fixture.Ledger.BalanceAsync("alice", _ct));
    }
}
