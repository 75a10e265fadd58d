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
