using StackExchange.Redis;
using Xunit;

namespace Shop.Testing.Services;

/// <summary>
/// A Redis connection for one test class, on the db index the partition owns. Tests write only under
/// a key prefix of their own (<see cref="UniqueNames.KeyPrefix"/>) and every key they write expires.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private ServiceLease? _lease;
    private ConnectionMultiplexer? _connection;

    public IDatabase Database => (_connection ?? throw new InvalidOperationException("The Redis fixture is not initialised.")).GetDatabase();

    public async Task InitializeAsync()
    {
        _lease = await ServiceSources.FromEnvironment().AcquireAsync(ServiceKind.Redis, CancellationToken.None);
        _connection = await ConnectionMultiplexer.ConnectAsync(_lease.ConnectionString);
        await Database.PingAsync();
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }
    }
}
