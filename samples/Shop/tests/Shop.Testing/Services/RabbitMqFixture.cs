using RabbitMQ.Client;
using Shop.Notifications;
using Xunit;

namespace Shop.Testing.Services;

/// <summary>
/// A RabbitMQ connection for one test class, in the vhost the partition owns. Tests declare a
/// topology of their own (<see cref="NewTopology"/>): unique exchange and queue names that also
/// expire when unused, deleted by the test when it ends.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private ServiceLease? _lease;
    private IConnection? _connection;

    public IConnection Connection => _connection ?? throw new InvalidOperationException("The RabbitMQ fixture is not initialised.");

    public async Task InitializeAsync()
    {
        _lease = await ServiceSources.FromEnvironment().AcquireAsync(ServiceKind.RabbitMq, CancellationToken.None);
        var factory = new ConnectionFactory { Uri = new Uri(_lease.ConnectionString), ClientProvidedName = "shop-tests" };
        _connection = await factory.CreateConnectionAsync(CancellationToken.None);
    }

    public static OrderEventTopology NewTopology(string test) =>
        new(UniqueNames.TopologyPrefix(test), retryDelay: TimeSpan.FromMilliseconds(30), unusedQueueExpiry: TimeSpan.FromMinutes(2));

    public async Task<uint> MessageCountAsync(string queue, CancellationToken ct)
    {
        await using var channel = await Connection.CreateChannelAsync(cancellationToken: ct);
        var declared = await channel.QueueDeclarePassiveAsync(queue, ct);
        return declared.MessageCount;
    }

    public async Task DeleteAsync(OrderEventTopology topology, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(topology);
        await using var channel = await Connection.CreateChannelAsync(cancellationToken: ct);
        await topology.DeleteAsync(channel, ct);
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.CloseAsync();
            _connection.Dispose();
        }

        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }
    }
}
