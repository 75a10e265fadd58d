using Ledger.Testing;
using NUnit.Framework;

namespace Ledger.RedisTests;

/// <summary>One connection to the suite's Redis for every fixture of the assembly.</summary>
[SetUpFixture]
public sealed class RedisSetUp
{
    private static LedgerRedis? s_redis;

    public static LedgerRedis Redis => s_redis ?? throw new InvalidOperationException("Redis is not connected yet.");

    [OneTimeSetUp]
    public async Task ConnectAsync() => s_redis = await LedgerRedis.ConnectAsync();

    [OneTimeTearDown]
    public async Task DisconnectAsync()
    {
        if (s_redis is not null)
        {
            await s_redis.DisposeAsync();
            s_redis = null;
        }
    }
}
