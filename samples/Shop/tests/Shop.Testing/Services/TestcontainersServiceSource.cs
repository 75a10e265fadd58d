using System.Diagnostics;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Shop.Testing.Services;

/// <summary>
/// Starts a container of its own for every lease (the usual one-container-per-test-class pattern),
/// from the locally built images, published on 127.0.0.1 only, labelled per lease, removed on release.
/// Needs <c>DOCKER_API_VERSION=1.41</c> and <c>TESTCONTAINERS_RYUK_DISABLED=true</c> on this engine.
/// </summary>
public sealed class TestcontainersServiceSource : IServiceSource
{
    public const string LabelKey = "orchestrator.sample.testcontainers";
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(90);

    public async Task<ServiceLease> AcquireAsync(ServiceKind kind, CancellationToken ct)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var (image, port, variable) = kind switch
        {
            ServiceKind.Postgres => ("orchestrator/postgres:local", 5432, "POSTGRES_PASSWORD"),
            ServiceKind.Redis => ("orchestrator/redis:local", 6379, "REDIS_PASSWORD"),
            ServiceKind.RabbitMq => ("orchestrator/rabbitmq:local", 5672, "RABBITMQ_DEFAULT_PASS"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown service."),
        };
        var container = new ContainerBuilder(image)
            .WithEnvironment(variable, password)
            .WithEnvironment("RABBITMQ_DEFAULT_USER", "orchestrator")
            .WithLabel(LabelKey, $"{kind}-{Guid.NewGuid():N}")
            .WithPortBinding(port, assignRandomHostPort: true)
            .WithCreateParameterModifier(parameters =>
            {
                foreach (var bindings in parameters.HostConfig?.PortBindings?.Values ?? [])
                {
                    foreach (var binding in bindings)
                    {
                        binding.HostIP = "127.0.0.1";
                    }
                }
            })
            .WithAutoRemove(true)
            .Build();
        try
        {
            await container.StartAsync(ct);
            var hostPort = container.GetMappedPublicPort(port);
            var connectionString = kind switch
            {
                ServiceKind.Postgres => $"Host=127.0.0.1;Port={hostPort};Username=postgres;Password={password};Database=postgres",
                ServiceKind.Redis => $"127.0.0.1:{hostPort},password={password},defaultDatabase=0,abortConnect=false",
                _ => $"amqp://orchestrator:{password}@127.0.0.1:{hostPort}/",
            };
            await WaitUntilReadyAsync(kind, connectionString, ct);
            return new ServiceLease(connectionString, container.DisposeAsync);
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitUntilReadyAsync(ServiceKind kind, string connectionString, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await ProbeAsync(kind, connectionString, ct);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (clock.Elapsed > ReadinessTimeout)
                {
                    throw new TimeoutException($"The {kind} container did not answer its protocol within {ReadinessTimeout.TotalSeconds:0} s.", ex);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }

    private static async Task ProbeAsync(ServiceKind kind, string connectionString, CancellationToken ct)
    {
        switch (kind)
        {
            case ServiceKind.Postgres:
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    await connection.OpenAsync(ct);
                }

                break;
            case ServiceKind.Redis:
                await using (var redis = await ConnectionMultiplexer.ConnectAsync(connectionString.Replace("abortConnect=false", "abortConnect=true", StringComparison.Ordinal)))
                {
                    await redis.GetDatabase().PingAsync();
                }

                break;
            default:
                await using (var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(ct))
                {
                    await connection.CloseAsync(ct);
                }

                break;
        }
    }
}
