using Ledger.Testing;

// The suite shares one database and one Redis db: its tests run one at a time (MSTest's default, stated).
[assembly: DoNotParallelize]

namespace Ledger.ReportingTests;

/// <summary>The ledger database (schema created once) and the Redis connection, for the whole assembly.</summary>
[TestClass]
public sealed class AssemblySetUp
{
    private static LedgerDatabase? s_database;
    private static LedgerRedis? s_redis;

    public static LedgerDatabase Database => s_database ?? throw new InvalidOperationException("The database is not open yet.");

    public static LedgerRedis Redis => s_redis ?? throw new InvalidOperationException("Redis is not connected yet.");

    [AssemblyInitialize]
    public static async Task InitializeAsync(TestContext context)
    {
        s_database = await LedgerDatabase.OpenAsync(CancellationToken.None);
        s_redis = await LedgerRedis.ConnectAsync();
    }

    [AssemblyCleanup]
    public static async Task CleanupAsync()
    {
        if (s_redis is not null)
        {
            await s_redis.DisposeAsync();
        }

        if (s_database is not null)
        {
            await s_database.DisposeAsync();
        }
    }
}
