using Ledger.Testing;
using NUnit.Framework;

namespace Ledger.RedisTests;

/// <summary>Every test starts from an empty Redis database.</summary>
public abstract class RedisTest
{
    protected static LedgerRedis Redis => RedisSetUp.Redis;

    [SetUp]
    public Task FlushAsync() => Redis.FlushAsync();
}
