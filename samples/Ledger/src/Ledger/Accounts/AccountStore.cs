using Npgsql;

namespace Ledger.Accounts;

/// <summary>Opening, finding, listing and closing accounts in Postgres.</summary>
public sealed class AccountStore(NpgsqlDataSource dataSource)
{
    private const string UniqueViolation = "23505";

    private const string Columns = "id, code, name, kind, currency, balance, overdraft_limit, closed_at";

    public async Task<Account> OpenAsync(NewAccount account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.Code);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.Name);
        if (account.Currency.Length != 3)
        {
            throw new ArgumentException($"Currency '{account.Currency}' is not an ISO 4217 code (three letters).", nameof(account));
        }

        if (account.OverdraftLimit is < 0)
        {
            throw new ArgumentException("An overdraft limit is a positive amount (or null for no limit).", nameof(account));
        }

        await using var command = dataSource.CreateCommand(
            $"INSERT INTO accounts (code, name, kind, currency, overdraft_limit) VALUES (@code, @name, @kind, @currency, @limit) RETURNING {Columns}");
        command.Parameters.AddWithValue("code", account.Code);
        command.Parameters.AddWithValue("name", account.Name);
        command.Parameters.AddWithValue("kind", account.Kind.ToString());
        command.Parameters.AddWithValue("currency", account.Currency.ToUpperInvariant());
        command.Parameters.AddWithValue("limit", (object?)account.OverdraftLimit ?? DBNull.Value);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return Read(reader);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            throw new DuplicateAccountException($"An account with code '{account.Code}' exists already; pick another code.", ex) { Code = account.Code };
        }
    }

    public async Task<Account?> FindAsync(string code, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM accounts WHERE code = @code");
        command.Parameters.AddWithValue("code", code);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Account>> ListAsync(bool includeClosed, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM accounts WHERE @closed OR closed_at IS NULL ORDER BY code COLLATE \"C\"");
        command.Parameters.AddWithValue("closed", includeClosed);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var accounts = new List<Account>();
        while (await reader.ReadAsync(ct))
        {
            accounts.Add(Read(reader));
        }

        return accounts;
    }

    /// <summary>Closes an account whose balance is zero; a closed account takes no more postings.</summary>
    public async Task<CloseOutcome> CloseAsync(string code, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var select = new NpgsqlCommand("SELECT balance, closed_at FROM accounts WHERE code = @code FOR UPDATE", connection, transaction);
        select.Parameters.AddWithValue("code", code);
        decimal balance;
        bool closed;
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return CloseOutcome.NotFound;
            }

            balance = reader.GetDecimal(0);
            closed = !reader.IsDBNull(1);
        }

        if (closed)
        {
            return CloseOutcome.AlreadyClosed;
        }

        if (balance != 0m)
        {
            return CloseOutcome.BalanceNotZero;
        }

        await using var update = new NpgsqlCommand("UPDATE accounts SET closed_at = now() WHERE code = @code", connection, transaction);
        update.Parameters.AddWithValue("code", code);
        await update.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return CloseOutcome.Closed;
    }

    internal static Account Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        Enum.Parse<AccountKind>(reader.GetString(3)),
        reader.GetString(4),
        reader.GetDecimal(5),
        reader.IsDBNull(6) ? null : reader.GetDecimal(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7));
}
