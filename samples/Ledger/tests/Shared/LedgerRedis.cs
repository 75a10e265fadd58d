using StackExchange.Redis;

namespace Ledger.Testing;

/// <summary>
/// The suite's Redis: the database <c>LEDGER_REDIS</c> names (or the local default), connected once per
/// test run with admin commands allowed, and flushed by every test before it starts.
/// </summary>
public sealed class LedgerRedis : IAsyncDisposable
{
    /// <summary>An empty list nobody pushes to; a blocking pop on it waits on the server until its timeout.</summary>
    private const string IdleKey = "ledger:test:idle";

    private readonly ConnectionMultiplexer _connection;

    private LedgerRedis(ConnectionMultiplexer connection)
    {
        _connection = connection;
        Database = connection.GetDatabase();
    }

    public IDatabase Database { get; }

    public static async Task<LedgerRedis> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse(LedgerSettings.FromEnvironment().Redis);
        options.AllowAdmin = true;
        return new LedgerRedis(await ConnectionMultiplexer.ConnectAsync(options));
    }

    /// <summary>FLUSHDB: every key of the database, whoever wrote it.</summary>
    public Task FlushAsync() => Server().FlushDatabaseAsync(Database.Database);

    /// <summary>DBSIZE: every key of the database.</summary>
    public Task<long> KeyCountAsync() => Server().DatabaseSizeAsync(Database.Database);

    /// <summary>The keys that start with <paramref name="prefix"/>, sorted.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in Server().KeysAsync(Database.Database, prefix + "*"))
        {
            keys.Add(key.ToString());
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>Waits <see cref="ServerTime.Default"/> (or <paramref name="time"/>) on the server (BLPOP with a timeout).</summary>
    public Task WaitOnServerAsync(TimeSpan? time = null) =>
        Database.ExecuteAsync("BLPOP", IdleKey, (time ?? ServerTime.Default).TotalSeconds);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private IServer Server() => _connection.GetServer(_connection.GetEndPoints()[0]);
}
