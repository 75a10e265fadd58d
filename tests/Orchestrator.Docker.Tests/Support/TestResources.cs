using System.Collections.Immutable;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Configuration;
using Orchestrator.Security;

namespace Orchestrator.Docker.Tests.Support;

/// <summary>Providers with their own run id, and the local service images as resource definitions.</summary>
internal static class TestResources
{
    public const string BaseImage = "orchestrator/base:bookworm";

    public static ResourceDefinition Postgres { get; } = new()
    {
        Name = "postgres",
        Kind = ResourceKind.Postgres,
        Image = "orchestrator/postgres:local",
        Ports = [5432],
        Environment = ImmutableDictionary<string, string>.Empty.Add("POSTGRES_PASSWORD", "{secret}"),
        Variables = ImmutableDictionary<string, string>.Empty
            .Add("ConnectionStrings__Postgres", "Host={host};Port={port};Username={user};Password={secret};Database={namespace};Pooling=false;Timeout=5"),
    };

    public static ResourceDefinition Redis { get; } = new()
    {
        Name = "redis",
        Kind = ResourceKind.Redis,
        Image = "orchestrator/redis:local",
        Ports = [6379],
        Environment = ImmutableDictionary<string, string>.Empty.Add("REDIS_PASSWORD", "{secret}"),
        Variables = ImmutableDictionary<string, string>.Empty
            .Add("ConnectionStrings__Redis", "{host}:{port},password={secret},defaultDatabase={namespace}"),
    };

    public static ResourceDefinition RabbitMq { get; } = new()
    {
        Name = "rabbitmq",
        Kind = ResourceKind.RabbitMq,
        Image = "orchestrator/rabbitmq:local",
        Ports = [5672],
        Environment = ImmutableDictionary<string, string>.Empty
            .Add("RABBITMQ_DEFAULT_USER", "orchestrator")
            .Add("RABBITMQ_DEFAULT_PASS", "{secret}"),
        Variables = ImmutableDictionary<string, string>.Empty
            .Add("RABBITMQ_URI", "amqp://{user}:{secret}@{host}:{port}/{namespace}"),
    };

    public static ResourceDefinition MySql { get; } = new()
    {
        Name = "mysql",
        Kind = ResourceKind.MySql,
        Image = "orchestrator/mysql:local",
        Ports = [3306],
        Environment = ImmutableDictionary<string, string>.Empty.Add("MYSQL_ROOT_PASSWORD", "{secret}"),
        Variables = ImmutableDictionary<string, string>.Empty
            .Add("ConnectionStrings__MySql", "Server={host};Port={port};User ID={user};Password={secret};Database={namespace};Pooling=false;Connection Timeout=5"),
    };

    /// <summary>RabbitMQ with its management port published: virtual hosts are created through the HTTP API.</summary>
    public static ResourceDefinition RabbitMqWithManagement { get; } = RabbitMq with { Ports = [5672, 15672] };

    /// <summary>A generic resource on the base image running <paramref name="script"/> with sh.</summary>
    public static ResourceDefinition Shell(string name, string script) => new()
    {
        Name = name,
        Image = BaseImage,
        Command = ["sh", "-c", script],
    };

    public static DockerResourceProvider Provider(out string runId, Func<DockerResourceProviderOptions, DockerResourceProviderOptions>? configure = null)
    {
        runId = "test-" + Guid.NewGuid().ToString("N");
        var options = new DockerResourceProviderOptions
        {
            Redactor = new SecretRedactor(),
            RunId = runId,
            SweepOrphansOnPrepare = false,
        };
        return new DockerResourceProvider(configure is null ? options : configure(options));
    }

    public static CancellationTokenSource Deadline(int seconds = 90) => new(TimeSpan.FromSeconds(seconds));

    /// <summary>
    /// How many processes were started inside a container (<c>exec_create</c> events) between <paramref name="since"/>
    /// and now, as the engine recorded them: inspect forgets an exec once it has ended, the event log does not.
    /// </summary>
    public static async Task<int> ExecsInAsync(DockerClient client, string containerId, DateTimeOffset since, CancellationToken ct)
    {
        var execs = new EventCount();
        var parameters = new ContainerEventsParameters
        {
            Since = since.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Until = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["container"] = new Dictionary<string, bool> { [containerId] = true },
                ["event"] = new Dictionary<string, bool> { ["exec_create"] = true },
            },
        };
        await client.System.MonitorEventsAsync(parameters, execs, ct);
        return execs.Count;
    }

    /// <summary>Counts events as they arrive (<see cref="Progress{T}"/> would report them later, on the thread pool).</summary>
    private sealed class EventCount : IProgress<Message>
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Report(Message value) => Interlocked.Increment(ref _count);
    }

    public static DockerClient Client() => new DockerClientConfiguration().CreateClient();

    /// <summary>Containers (running or not) labelled with <paramref name="runId"/>.</summary>
    public static async Task<IList<ContainerListResponse>> ContainersOfRunAsync(DockerClient client, string runId) =>
        await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.RunId}={runId}"] = true },
            },
        });

    public static async Task RemoveRunAsync(DockerClient client, string runId)
    {
        foreach (var container in await ContainersOfRunAsync(client, runId))
        {
            await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }
    }
}
