using Orchestrator.Docker.Tests.Support;
using StackExchange.Redis;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class RedisResourceTests
{
    [Fact]
    public async Task Shared_redis_gives_each_partition_its_own_database_index()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        try
        {
            var instance = await provider.StartAsync(TestResources.Redis, "redis", ct);
            var first = await provider.CreateNamespaceAsync(instance, "integration/redis", ct);
            var second = await provider.CreateNamespaceAsync(instance, "e2e/redis", ct);

            await using var firstConnection = await ConnectionMultiplexer.ConnectAsync(first.Variables["ConnectionStrings__Redis"]);
            await using var secondConnection = await ConnectionMultiplexer.ConnectAsync(second.Variables["ConnectionStrings__Redis"]);
            await firstConnection.GetDatabase().StringSetAsync("greeting", "hello");

            Assert.Equal("1", first.Namespace);
            Assert.Equal("2", second.Namespace);
            Assert.Equal("hello", (string?)await firstConnection.GetDatabase().StringGetAsync("greeting"));
            Assert.False(await secondConnection.GetDatabase().KeyExistsAsync("greeting"));
            var binding = Assert.Single((await client.Containers.InspectContainerAsync(instance.ContainerId, ct)).NetworkSettings.Ports["6379/tcp"]);
            Assert.Equal("127.0.0.1", binding.HostIP);
        }
        finally
        {
            await provider.DisposeAsync();
            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    [Fact]
    public async Task A_shared_redis_serves_more_units_one_after_another_than_it_has_databases_each_starting_empty()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        try
        {
            var instance = await provider.StartAsync(TestResources.Redis, "redis", ct);
            for (var repetition = 0; repetition < 70; repetition++)
            {
                var resourceNamespace = await provider.CreateNamespaceAsync(instance, $"integration-redis#1-r{repetition}-a0", ct);
                await using (var connection = await ConnectionMultiplexer.ConnectAsync(resourceNamespace.Variables["ConnectionStrings__Redis"]))
                {
                    var database = connection.GetDatabase();
                    Assert.Equal(0L, (long)await database.ExecuteAsync("DBSIZE"));
                    await database.StringSetAsync("left-by", repetition);
                }
                await provider.ReleaseNamespaceAsync(resourceNamespace, ct);
            }
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    [Fact]
    public async Task Independent_instances_start_concurrently_and_dispose_removes_them_all()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        try
        {
            var started = await Task.WhenAll(
                provider.StartAsync(TestResources.Redis, "redis-a", ct),
                provider.StartAsync(TestResources.Redis, "redis-b", ct),
                provider.StartAsync(TestResources.Postgres, "postgres", ct));

            Assert.Equal(3, started.Select(instance => instance.ContainerId).Distinct().Count());
            Assert.Equal(3, (await TestResources.ContainersOfRunAsync(client, runId)).Count);

            await provider.DisposeAsync();

            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }
}
