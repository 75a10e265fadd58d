using Ledger.Accounts;
using Npgsql;

namespace Ledger.Reporting;

/// <summary>Read-only reports computed from the entries (never from the balances stored in the accounts).</summary>
public sealed class LedgerReports(NpgsqlDataSource dataSource)
{
    /// <summary>Every account with the sums of its debits and credits, ordered by code.</summary>
    public async Task<IReadOnlyList<TrialBalanceLine>> TrialBalanceAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a.code, a.name, a.kind,
                   coalesce(sum(e.amount) FILTER (WHERE e.amount > 0), 0) AS debits,
                   coalesce(-sum(e.amount) FILTER (WHERE e.amount < 0), 0) AS credits
            FROM accounts a
            LEFT JOIN entries e ON e.account_id = a.id
            GROUP BY a.id
            ORDER BY a.code COLLATE "C"
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var lines = new List<TrialBalanceLine>();
        while (await reader.ReadAsync(ct))
        {
            lines.Add(new TrialBalanceLine(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<AccountKind>(reader.GetString(2)),
                reader.GetDecimal(3),
                reader.GetDecimal(4)));
        }

        return lines;
    }

    public async Task<LedgerTotals> TotalsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM accounts),
                   (SELECT count(*) FROM transfers),
                   count(*),
                   coalesce(sum(amount) FILTER (WHERE amount > 0), 0),
                   coalesce(sum(amount), 0)
            FROM entries
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new LedgerTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDecimal(3), reader.GetDecimal(4));
    }

    /// <summary>The entries of one account in posting order, each with the balance after it.</summary>
    public async Task<IReadOnlyList<StatementLine>> StatementAsync(string code, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT t.reference, t.description, e.amount, sum(e.amount) OVER (ORDER BY e.id)
            FROM entries e
            JOIN transfers t ON t.id = e.transfer_id
            JOIN accounts a ON a.id = e.account_id
            WHERE a.code = @code
            ORDER BY e.id
            """);
        command.Parameters.AddWithValue("code", code);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var lines = new List<StatementLine>();
        while (await reader.ReadAsync(ct))
        {
            lines.Add(new StatementLine(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), reader.GetDecimal(3)));
        }

        return lines;
    }

    /// <summary>Accounts whose stored balance differs from the sum of their entries (there should be none).</summary>
    public async Task<IReadOnlyList<string>> UnreconciledAccountsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a.code
            FROM accounts a
            LEFT JOIN (SELECT account_id, sum(amount) AS total FROM entries GROUP BY account_id) s ON s.account_id = a.id
            WHERE a.balance <> coalesce(s.total, 0)
            ORDER BY a.code COLLATE "C"
            """);
        return await ReadStringsAsync(command, ct);
    }

    /// <summary>References of transfers whose entries do not sum to zero (there should be none).</summary>
    public async Task<IReadOnlyList<string>> UnbalancedTransfersAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT t.reference
            FROM transfers t
            JOIN entries e ON e.transfer_id = t.id
            GROUP BY t.id
            HAVING sum(e.amount) <> 0
            ORDER BY t.reference
            """);
        return await ReadStringsAsync(command, ct);
    }

    private static async Task<IReadOnlyList<string>> ReadStringsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
