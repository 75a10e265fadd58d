using System.Diagnostics;
using Ledger.Postings;
using Npgsql;
using Xunit;

namespace Ledger.PostgresTests;

[Collection(SharedDatabase.Name)]
public sealed class LockingTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly CancellationToken _ct = CancellationToken.None;

    public Task InitializeAsync() => fixture.Database.ResetAsync(_ct);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Concurrent_transfers_never_overdraw_an_account()
    {
        await fixture.OpenAsync("bank", "alice", "bob");
        await fixture.FundAsync("alice", 100m);

        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            fixture.Ledger.PostAsync(Journal.Transfer($"C-{i}", "alice", "bob", 30m, "Instalment"), _ct)));
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.Equal(3, results.Count(result => result.Posted));
        Assert.Equal(7, results.Count(result => result.Outcome == PostingOutcome.InsufficientFunds));
        Assert.Equal(10m, await fixture.Ledger.BalanceAsync("alice", _ct));
        Assert.Equal(2 + (3 * 2), await fixture.Database.CountAsync("entries", _ct));
    }

    [Fact]
    public async Task A_transfer_waits_for_a_lock_held_on_its_account()
    {
        await fixture.OpenAsync("bank", "alice");
        await using var holder = await fixture.Database.DataSource.OpenConnectionAsync(_ct);
        await using var transaction = await holder.BeginTransactionAsync(_ct);
        await using (var lockAlice = new NpgsqlCommand("SELECT 1 FROM accounts WHERE code = 'alice' FOR UPDATE", holder, transaction))
        {
            await lockAlice.ExecuteNonQueryAsync(_ct);
        }

        var clock = Stopwatch.StartNew();
        var transfer = fixture.Ledger.PostAsync(Journal.Transfer("L-1", "bank", "alice", 40m, "Salary"), _ct);
        await fixture.Database.WaitOnServerAsync(_ct);
        Assert.False(transfer.IsCompleted, "the transfer went through while the account was locked");
        await transaction.CommitAsync(_ct);
        var result = await transfer;

        Assert.True(result.Posted, result.Detail);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150), $"the transfer took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(40m, await fixture.Ledger.BalanceAsync("alice", _ct));
        Assert.Equal(2, await fixture.Database.CountAsync("entries", _ct));
    }

    [Fact]
    public async Task Opposite_transfers_at_once_do_not_deadlock()
    {
        await fixture.OpenAsync("bank", "alice", "bob");
        await fixture.FundAsync("alice", 1000m);
        await fixture.FundAsync("bob", 1000m);

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => i % 2 == 0
            ? fixture.Ledger.PostAsync(Journal.Transfer($"X-{i}", "alice", "bob", 10m, "Ping"), _ct)
            : fixture.Ledger.PostAsync(Journal.Transfer($"X-{i}", "bob", "alice", 10m, "Pong"), _ct)));
        await fixture.Database.WaitOnServerAsync(_ct);

        Assert.All(results, result => Assert.True(result.Posted, result.Detail));
        Assert.Equal(1000m, await fixture.Ledger.BalanceAsync("alice", _ct));
        Assert.Equal(1000m, await fixture.Ledger.BalanceAsync("bob", _ct));
        Assert.Equal(22, await fixture.Database.CountAsync("transfers", _ct));
    }
}
