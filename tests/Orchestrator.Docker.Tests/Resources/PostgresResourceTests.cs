using System.Globalization;
using Npgsql;
using Orchestrator.Configuration;
using Orchestrator.Docker.Tests.Support;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class PostgresResourceTests
{
    [Fact]
    public async Task Postgres_is_ready_on_loopback_serves_its_partition_database_and_is_removed_on_stop()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        try
        {
            await provider.PrepareAsync([TestResources.Postgres], ct);
            var instance = await provider.StartAsync(TestResources.Postgres, "postgres", ct);
            var started = DateTimeOffset.UtcNow.AddSeconds(-5);
            var partition = await provider.CreateNamespaceAsync(instance, "integration/postgres", ct);

            // Ready means ready: the first connection must work, no retry.
            await using (var connection = new NpgsqlConnection(partition.Variables["ConnectionStrings__Postgres"]))
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("select current_database()", connection);
                Assert.Equal(partition.Namespace, await command.ExecuteScalarAsync(ct));
            }
            var inspected = await client.Containers.InspectContainerAsync(instance.ContainerId, ct);
            // The database was created over the wire protocol: no process was started in the container.
            Assert.Equal(0, await TestResources.ExecsInAsync(client, instance.ContainerId!, started, ct));
            var binding = Assert.Single(inspected.NetworkSettings.Ports["5432/tcp"]);
            Assert.Equal("127.0.0.1", binding.HostIP);
            Assert.Equal(instance.PrimaryPort, int.Parse(binding.HostPort, CultureInfo.InvariantCulture));
            Assert.Equal("orchestrator", inspected.Config.Labels[ContainerLabels.Tool]);
            Assert.Equal(runId, inspected.Config.Labels[ContainerLabels.RunId]);
            Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), inspected.Config.Labels[ContainerLabels.OwnerPid]);
            Assert.Equal("postgres", inspected.Config.Labels[ContainerLabels.Instance]);
            Assert.True(instance.ReadyAt >= instance.StartedAt);

            await provider.StopAsync(instance, ct);
            await provider.StopAsync(instance, ct);

            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    [Fact]
    public async Task Shared_postgres_gives_each_partition_its_own_database()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        try
        {
            var instance = await provider.StartAsync(TestResources.Postgres, "postgres", ct);
            var first = await provider.CreateNamespaceAsync(instance, "integration/postgres", ct);
            var second = await provider.CreateNamespaceAsync(instance, "integration/postgres+redis", ct);

            await ExecuteAsync(first, "create table orders (id int); insert into orders values (1)", ct);
            var inFirst = await ExecuteAsync(first, "select count(*) from pg_tables where tablename = 'orders'", ct);
            var inSecond = await ExecuteAsync(second, "select count(*) from pg_tables where tablename = 'orders'", ct);

            Assert.NotEqual(first.Namespace, second.Namespace);
            Assert.Equal(1L, inFirst);
            Assert.Equal(0L, inSecond);
        }
        finally
        {
            await provider.DisposeAsync();
            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    [Fact]
    public async Task A_configured_setup_command_creates_the_namespace_with_its_placeholders_filled()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        var definition = TestResources.Postgres with
        {
            Isolation = IsolationSettings.Shared with { Setup = ["psql", "-U", "postgres", "-c", "CREATE DATABASE {namespace} OWNER postgres"] },
        };
        try
        {
            var instance = await provider.StartAsync(definition, "postgres", ct);
            var partition = await provider.CreateNamespaceAsync(instance, "custom", ct);

            Assert.StartsWith("custom_", partition.Namespace, StringComparison.Ordinal);
            Assert.Equal(partition.Namespace, await ExecuteAsync(partition, "select current_database()", ct));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    private static async Task<object?> ExecuteAsync(Orchestrator.Resources.PartitionResource partition, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(partition.Variables["ConnectionStrings__Postgres"]);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
