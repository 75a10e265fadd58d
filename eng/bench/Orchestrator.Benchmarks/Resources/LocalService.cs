using System.Collections.Immutable;
using Npgsql;
using Orchestrator.Configuration;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Orchestrator.Benchmarks.Resources;

/// <summary>A local service image (eng/images) as a resource, with a real client's "does it serve a request" check.</summary>
internal sealed record LocalService(ResourceDefinition Definition, Func<int, string, CancellationToken, Task> ServeOneRequestAsync)
{
    public static ImmutableArray<LocalService> All { get; } = [Postgres(), Redis(), RabbitMq()];

    public string Name => Definition.Name;

    private static LocalService Postgres() => new(
        new ResourceDefinition
        {
            Name = "postgres",
            Kind = ResourceKind.Postgres,
            Image = "orchestrator/postgres:local",
            Ports = [5432],
            Environment = ImmutableDictionary<string, string>.Empty.Add("POSTGRES_PASSWORD", "{secret}"),
        },
        async (port, secret, ct) =>
        {
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Password={secret};Pooling=false;Timeout=2");
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(ct);
        });

    private static LocalService Redis() => new(
        new ResourceDefinition
        {
            Name = "redis",
            Kind = ResourceKind.Redis,
            Image = "orchestrator/redis:local",
            Ports = [6379],
            Environment = ImmutableDictionary<string, string>.Empty.Add("REDIS_PASSWORD", "{secret}"),
        },
        async (port, secret, ct) =>
        {
            var options = ConfigurationOptions.Parse($"127.0.0.1:{port},password={secret},connectTimeout=1000,connectRetry=0,abortConnect=true");
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync();
        });

    private static LocalService RabbitMq() => new(
        new ResourceDefinition
        {
            Name = "rabbitmq",
            Kind = ResourceKind.RabbitMq,
            Image = "orchestrator/rabbitmq:local",
            Ports = [5672],
            Environment = ImmutableDictionary<string, string>.Empty
                .Add("RABBITMQ_DEFAULT_USER", "orchestrator")
                .Add("RABBITMQ_DEFAULT_PASS", "{secret}"),
        },
        async (port, secret, ct) =>
        {
            var factory = new ConnectionFactory
            {
                HostName = "127.0.0.1",
                Port = port,
                UserName = "orchestrator",
                Password = secret,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
                AutomaticRecoveryEnabled = false,
            };
            await using var connection = await factory.CreateConnectionAsync(ct);
        });
}
