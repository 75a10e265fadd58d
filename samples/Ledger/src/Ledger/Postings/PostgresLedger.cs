using Npgsql;
using NpgsqlTypes;

namespace Ledger.Postings;

/// <summary>
/// Posts journals in one transaction each: the accounts involved are locked in id order (two postings
/// over the same accounts never deadlock), checked (open, one currency, within their overdraft limit),
/// then the transfer row, one entry per leg and the new balances are written. The unique reference
/// makes a repeated posting a no-op reported as <see cref="PostingOutcome.Duplicate"/>.
/// </summary>
public sealed class PostgresLedger(NpgsqlDataSource dataSource)
{
    private const string UniqueViolation = "23505";

    public async Task<PostingResult> PostAsync(Journal journal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.Problem() is { } problem)
        {
            return new PostingResult(PostingOutcome.Invalid, Detail: problem);
        }

        var nets = journal.Legs
            .GroupBy(leg => leg.AccountCode, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(leg => leg.Amount), StringComparer.Ordinal);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var accounts = await LockAsync(connection, transaction, nets.Keys, ct);

        if (nets.Keys.FirstOrDefault(code => !accounts.ContainsKey(code)) is { } unknown)
        {
            return new PostingResult(PostingOutcome.UnknownAccount, Detail: $"no account '{unknown}'");
        }

        if (accounts.Values.FirstOrDefault(account => account.Closed) is { } closed)
        {
            return new PostingResult(PostingOutcome.AccountClosed, Detail: $"account '{closed.Code}' is closed");
        }

        if (accounts.Values.Select(account => account.Currency).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return new PostingResult(PostingOutcome.CurrencyMismatch, Detail: "every leg of a journal must be in one currency");
        }

        foreach (var (code, net) in nets)
        {
            var account = accounts[code];
            if (account.OverdraftLimit is { } limit && account.Balance + net < -limit)
            {
                return new PostingResult(
                    PostingOutcome.InsufficientFunds,
                    Detail: $"account '{code}' holds {account.Balance} and may go down to {-limit}; the journal takes it to {account.Balance + net}");
            }
        }

        long transferId;
        try
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO transfers (reference, description) VALUES (@reference, @description) RETURNING id",
                connection,
                transaction);
            insert.Parameters.AddWithValue("reference", journal.Reference);
            insert.Parameters.AddWithValue("description", journal.Description);
            transferId = (long)(await insert.ExecuteScalarAsync(ct))!;
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            return new PostingResult(PostingOutcome.Duplicate, Detail: $"reference '{journal.Reference}' was posted before");
        }

        await using (var entries = new NpgsqlCommand(
            "INSERT INTO entries (transfer_id, account_id, amount) SELECT @transfer, leg.account_id, leg.amount FROM unnest(@accounts, @amounts) AS leg (account_id, amount)",
            connection,
            transaction))
        {
            entries.Parameters.AddWithValue("transfer", transferId);
            entries.Parameters.Add(new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = journal.Legs.Select(leg => accounts[leg.AccountCode].Id).ToArray() });
            entries.Parameters.Add(new NpgsqlParameter("amounts", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = journal.Legs.Select(leg => leg.Amount).ToArray() });
            await entries.ExecuteNonQueryAsync(ct);
        }

        await using (var balances = new NpgsqlCommand(
            "UPDATE accounts SET balance = accounts.balance + net.amount FROM unnest(@accounts, @amounts) AS net (account_id, amount) WHERE accounts.id = net.account_id",
            connection,
            transaction))
        {
            balances.Parameters.Add(new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = nets.Keys.Select(code => accounts[code].Id).ToArray() });
            balances.Parameters.Add(new NpgsqlParameter("amounts", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = nets.Values.ToArray() });
            await balances.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new PostingResult(PostingOutcome.Posted, transferId);
    }

    /// <summary>The stored balance of an account, or null when there is no such account.</summary>
    public async Task<decimal?> BalanceAsync(string code, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT balance FROM accounts WHERE code = @code");
        command.Parameters.AddWithValue("code", code);
        return await command.ExecuteScalarAsync(ct) is decimal balance ? balance : null;
    }

    private static async Task<Dictionary<string, LockedAccount>> LockAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IEnumerable<string> codes,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, code, currency, balance, overdraft_limit, closed_at IS NOT NULL FROM accounts WHERE code = ANY(@codes) ORDER BY id FOR UPDATE",
            connection,
            transaction);
        command.Parameters.AddWithValue("codes", codes.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var accounts = new Dictionary<string, LockedAccount>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var account = new LockedAccount(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetDecimal(3),
                reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                reader.GetBoolean(5));
            accounts[account.Code] = account;
        }

        return accounts;
    }

    private sealed record LockedAccount(long Id, string Code, string Currency, decimal Balance, decimal? OverdraftLimit, bool Closed);
}
