using Ledger.Accounts;
using Ledger.Postings;
using Ledger.Reporting;
using Ledger.Testing;
using Xunit;

namespace Ledger.PostgresTests;

/// <summary>The ledger database, opened (and its schema created) once for every test class of the suite.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private LedgerDatabase? _database;

    public LedgerDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public AccountStore Accounts => new(Database.DataSource);

    public PostgresLedger Ledger => new(Database.DataSource);

    public LedgerReports Reports => new(Database.DataSource);

    public async Task InitializeAsync() => _database = await LedgerDatabase.OpenAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Opens the outside world's account (no overdraft limit) and customer accounts, in EUR.</summary>
    public async Task OpenAsync(params string[] codes)
    {
        foreach (var code in codes)
        {
            await Accounts.OpenAsync(code == "bank"
                ? new NewAccount("bank", "Bank (settlement)", AccountKind.Asset, "EUR", OverdraftLimit: null)
                : new NewAccount(code, $"Customer {code}", AccountKind.Liability, "EUR"), CancellationToken.None);
        }
    }

    /// <summary>Pays <paramref name="amount"/> in from the bank.</summary>
    public async Task FundAsync(string code, decimal amount)
    {
        var result = await Ledger.PostAsync(Journal.Transfer($"funding-{code}-{Guid.NewGuid():N}", "bank", code, amount, "Card top-up"), CancellationToken.None);
        Assert.True(result.Posted, $"funding {code} failed: {result}");
    }
}
