using System.Data.Common;
using System.Globalization;
using Orchestrator.Results;

namespace Orchestrator.History;

/// <summary>
/// The history in a SQL database through ADO.NET: the same tables and statements on SQLite and Postgres. The schema is
/// migrated on first use; every failure reaches the caller as <see cref="HistoryUnavailableException"/>.
/// </summary>
/// <param name="connect">Opens a new connection (not yet opened).</param>
/// <param name="migrationLock">A statement that serializes migrations between processes inside a transaction (Postgres' advisory lock), or null when the transaction itself does (SQLite's immediate transactions).</param>
internal sealed class SqlHistoryStore(Func<DbConnection> connect, string? migrationLock, string location, HistoryRetention retention) : ITestHistoryStore
{
    /// <summary>Test ids a read names one by one; more read the window's every test.</summary>
    private const int MaxNamedTests = 500;

    private static readonly string[] _resultParameters = ["@run", "@layer", "@test", "@name", "@unit", "@partition", "@outcome", "@attempts", "@duration", "@message"];

    private bool _migrated;

    public string Location => location;

    public Task<IReadOnlyList<TestHistoryRecord>> ReadAsync(DateTimeOffset since, IReadOnlyCollection<string>? testIds, CancellationToken ct) =>
        GuardAsync(async () =>
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            var named = testIds is { Count: > 0 and <= MaxNamedTests } ? testIds.ToList() : null;
            var filter = named is null ? "" : " AND r.test_id IN (" + string.Join(", ", named.Select((_, index) => "@t" + index.ToString(CultureInfo.InvariantCulture))) + ")";
            command.CommandText =
                "SELECT runs.run_id, runs.recorded_at, runs.cadence, runs.commit_sha, runs.branch, runs.machine, " +
                "r.layer, r.test_id, r.name, r.unit, r.partition_id, r.outcome, r.attempts, r.duration_ms, r.failure_message " +
                "FROM results r JOIN runs ON runs.run_id = r.run_id WHERE runs.recorded_at >= @since" + filter + " ORDER BY runs.recorded_at";
            Add(command, "@since", since == DateTimeOffset.MinValue ? long.MinValue : since.ToUnixTimeMilliseconds());
            for (var index = 0; index < (named?.Count ?? 0); index++)
            {
                Add(command, "@t" + index.ToString(CultureInfo.InvariantCulture), named![index]);
            }
            var runs = new Dictionary<string, HistoryRun>(StringComparer.Ordinal);
            var records = new List<TestHistoryRecord>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var runId = reader.GetString(0);
                if (!runs.TryGetValue(runId, out var run))
                {
                    run = new HistoryRun(runId, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2),
                        new RunOrigin(NullableString(reader, 3), NullableString(reader, 4), reader.GetString(5)));
                    runs[runId] = run;
                }
                records.Add(new TestHistoryRecord(
                    run,
                    reader.GetString(7),
                    reader.GetString(8),
                    reader.GetString(6),
                    reader.GetString(9),
                    reader.GetString(10),
                    Enum.TryParse<TestOutcome>(reader.GetString(11), out var outcome) ? outcome : TestOutcome.NotRun,
                    Convert.ToInt32(reader.GetValue(12), CultureInfo.InvariantCulture),
                    TimeSpan.FromMilliseconds(reader.GetInt64(13)),
                    NullableString(reader, 14)));
            }
            return (IReadOnlyList<TestHistoryRecord>)records;
        });

    public Task RecordAsync(HistoryRun run, IReadOnlyList<TestHistoryRecord> records, CancellationToken ct) =>
        GuardAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(run);
            ArgumentNullException.ThrowIfNull(records);
            await using var connection = await OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var replaced in run.Parts.Append(run.RunId).Distinct(StringComparer.Ordinal))
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM results WHERE run_id = @run", ct, ("@run", replaced));
                await ExecuteAsync(connection, transaction, "DELETE FROM runs WHERE run_id = @run", ct, ("@run", replaced));
            }
            await ExecuteAsync(connection, transaction,
                "INSERT INTO runs (run_id, recorded_at, cadence, commit_sha, branch, machine) VALUES (@run, @at, @cadence, @commit, @branch, @machine)", ct,
                ("@run", run.RunId), ("@at", run.RecordedAt.ToUnixTimeMilliseconds()), ("@cadence", run.Cadence),
                ("@commit", run.Origin.Commit), ("@branch", run.Origin.Branch), ("@machine", run.Origin.Machine));
            await InsertResultsAsync(connection, transaction, run, records, ct);
            await ApplyRetentionAsync(connection, transaction, run.RecordedAt, ct);
            await transaction.CommitAsync(ct);
            return true;
        });

    private static async Task InsertResultsAsync(DbConnection connection, DbTransaction transaction, HistoryRun run, IReadOnlyList<TestHistoryRecord> records, CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            "INSERT INTO results (run_id, layer, test_id, name, unit, partition_id, outcome, attempts, duration_ms, failure_message) " +
            "VALUES (@run, @layer, @test, @name, @unit, @partition, @outcome, @attempts, @duration, @message)";
        var parameters = _resultParameters.Select(name => Add(insert, name, null)).ToArray();
        // A case that ran in two layers is two records; the same case twice in one layer (a merge of overlapping runs) is kept once.
        foreach (var record in records.DistinctBy(record => (record.Layer, record.TestId)))
        {
            object?[] values = [run.RunId, record.Layer, record.TestId, record.Name, record.Unit, record.Partition, record.Outcome.ToString(), record.Attempts, (long)record.Duration.TotalMilliseconds, record.FailureMessage];
            for (var index = 0; index < values.Length; index++)
            {
                parameters[index].Value = values[index] ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task ApplyRetentionAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM runs WHERE recorded_at < @cutoff", ct, ("@cutoff", now.AddDays(-retention.Days).ToUnixTimeMilliseconds()));
        await ExecuteAsync(connection, transaction,
            "DELETE FROM runs WHERE run_id NOT IN (SELECT run_id FROM runs ORDER BY recorded_at DESC, run_id DESC LIMIT @keep)", ct, ("@keep", retention.Runs));
        await ExecuteAsync(connection, transaction, "DELETE FROM results WHERE run_id NOT IN (SELECT run_id FROM runs)", ct);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = connect();
        try
        {
            await connection.OpenAsync(ct);
            if (!_migrated)
            {
                await MigrateAsync(connection, ct);
                _migrated = true;
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task MigrateAsync(DbConnection connection, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (migrationLock is not null)
        {
            await ExecuteAsync(connection, transaction, migrationLock, ct);
        }
        await ExecuteAsync(connection, transaction, HistorySchema.VersionTable, ct);
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT MAX(version) FROM schema_version";
        var current = await query.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
        if (current > HistorySchema.Version)
        {
            throw new HistoryUnavailableException(location,
                $"The history at {location} has schema version {current}, newer than this orchestrator's {HistorySchema.Version}: update the orchestrator to the version that wrote it.");
        }
        for (var version = current; version < HistorySchema.Version; version++)
        {
            foreach (var statement in HistorySchema.Migrations[version])
            {
                await ExecuteAsync(connection, transaction, statement, ct);
            }
        }
        if (current < HistorySchema.Version)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM schema_version", ct);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version) VALUES (@version)", ct, ("@version", HistorySchema.Version));
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Any failure of the store becomes <see cref="HistoryUnavailableException"/>; cancellation stays cancellation.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or HistoryUnavailableException or OutOfMemoryException))
        {
            throw new HistoryUnavailableException(location, exception.Message, exception);
        }
    }
}
