using System.Globalization;
using MySqlConnector;
using Orchestrator.Docker.Tests.Support;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class MySqlResourceTests
{
    [Fact]
    public async Task Mysql_is_ready_on_loopback_and_gives_each_unit_its_own_database_created_over_the_protocol()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        var provider = TestResources.Provider(out var runId);
        try
        {
            await provider.PrepareAsync([TestResources.MySql], ct);
            var instance = await provider.StartAsync(TestResources.MySql, "mysql", ct);
            var started = DateTimeOffset.UtcNow.AddSeconds(-5);
            var first = await provider.CreateNamespaceAsync(instance, "integration/mysql", ct);
            var second = await provider.CreateNamespaceAsync(instance, "integration/mysql+redis", ct);

            // Ready means ready: the first connection must work, no retry.
            Assert.Equal(first.Namespace, await ExecuteAsync(first, "select database()", ct));
            await ExecuteAsync(first, "create table orders (id int); insert into orders values (1)", ct);
            var inFirst = await ExecuteAsync(first, "select count(*) from information_schema.tables where table_schema = database() and table_name = 'orders'", ct);
            var inSecond = await ExecuteAsync(second, "select count(*) from information_schema.tables where table_schema = database() and table_name = 'orders'", ct);

            Assert.NotEqual(first.Namespace, second.Namespace);
            Assert.Equal(second.Namespace, await ExecuteAsync(second, "select database()", ct));
            Assert.Equal(1L, Convert.ToInt64(inFirst, CultureInfo.InvariantCulture));
            Assert.Equal(0L, Convert.ToInt64(inSecond, CultureInfo.InvariantCulture));
            // The databases were created over the client protocol: no process was started in the container.
            Assert.Equal(0, await TestResources.ExecsInAsync(client, instance.ContainerId!, started, ct));
            var inspected = await client.Containers.InspectContainerAsync(instance.ContainerId, ct);
            Assert.Equal("127.0.0.1", Assert.Single(inspected.NetworkSettings.Ports["3306/tcp"]).HostIP);

            await provider.StopAsync(instance, ct);

            Assert.Empty(await TestResources.ContainersOfRunAsync(client, runId));
        }
        finally
        {
            await provider.DisposeAsync();
            await TestResources.RemoveRunAsync(client, runId);
        }
    }

    private static async Task<object?> ExecuteAsync(PartitionResource partition, string sql, CancellationToken ct)
    {
        await using var connection = new MySqlConnection(partition.Variables["ConnectionStrings__MySql"]);
        await connection.OpenAsync(ct);
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
