using Docker.DotNet;
using Docker.DotNet.Models;
using Npgsql;
using Xunit;

namespace Orchestrator.Docker.Tests.Images;

/// <summary>The locally built service images (eng/images) start and serve real requests on loopback.</summary>
[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class LocalImageTests
{
    [Fact]
    public async Task Local_postgres_image_answers_a_query_through_a_port_published_on_loopback()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = cancellation.Token;
        using var client = new DockerClientConfiguration().CreateClient();
        var password = Guid.NewGuid().ToString("N");
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = "orchestrator/postgres:local",
            Env = [$"POSTGRES_PASSWORD={password}"],
            Labels = new Dictionary<string, string> { ["orchestrator.test"] = nameof(LocalImageTests) },
            ExposedPorts = new Dictionary<string, EmptyStruct> { ["5432/tcp"] = default },
            HostConfig = new HostConfig
            {
                AutoRemove = false,
                PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    ["5432/tcp"] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "" }],
                },
            },
        }, ct);
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), ct);
            var inspected = await client.Containers.InspectContainerAsync(created.ID, ct);
            var binding = inspected.NetworkSettings.Ports["5432/tcp"].Single();
            Assert.Equal("127.0.0.1", binding.HostIP);

            var connectionString = $"Host=127.0.0.1;Port={binding.HostPort};Username=postgres;Password={password};Timeout=2;Pooling=false";
            var answer = await PollAsync(async () =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("select 40 + 2", connection);
                return (int)(await command.ExecuteScalarAsync(ct))!;
            }, ct);

            Assert.Equal(42, answer);
        }
        finally
        {
            await client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> attempt, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or IOException && !ct.IsCancellationRequested)
            {
                // Poll interval while the server starts, bounded by the token's deadline.
                await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
            }
        }
    }
}
