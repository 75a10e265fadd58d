using Ledger.Storage;
using Npgsql;

namespace Ledger.Testing;

/// <summary>
/// The suite's Postgres: the database named by <c>LEDGER_POSTGRES</c> (or the local default), its schema
/// created once per test run, and emptied by every test before it starts. Nothing here is per test:
/// the tables have fixed names and the tests count and sum what is in them.
/// </summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    private LedgerDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public NpgsqlDataSource DataSource { get; }

    public static async Task<LedgerDatabase> OpenAsync(CancellationToken ct)
    {
        var dataSource = NpgsqlDataSource.Create(LedgerSettings.FromEnvironment().Postgres);
        try
        {
            await LedgerSchema.EnsureCreatedAsync(dataSource, ct);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new LedgerDatabase(dataSource);
    }

    /// <summary>Empties every table and restarts the identities, the way Respawn does between tests.</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand($"TRUNCATE {string.Join(", ", LedgerSchema.Tables)} RESTART IDENTITY CASCADE");
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Waits <see cref="ServerTime.Default"/> (or <paramref name="time"/>) on the server (<c>pg_sleep</c>).</summary>
    public async Task WaitOnServerAsync(CancellationToken ct, TimeSpan? time = null)
    {
        await using var command = DataSource.CreateCommand("SELECT pg_sleep(@seconds)");
        command.Parameters.AddWithValue("seconds", (time ?? ServerTime.Default).TotalSeconds);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> CountAsync(string table, CancellationToken ct)
    {
        if (!LedgerSchema.Tables.Contains(table))
        {
            throw new ArgumentException($"'{table}' is not a ledger table ({string.Join(", ", LedgerSchema.Tables)}).", nameof(table));
        }

        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The sum of the balances stored in the accounts (zero in a ledger that balances).</summary>
    public async Task<decimal> SumOfBalancesAsync(CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand("SELECT coalesce(sum(balance), 0) FROM accounts");
        return (decimal)(await command.ExecuteScalarAsync(ct))!;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
