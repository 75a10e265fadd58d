using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Npgsql;
using Orchestrator.Docker;
using Orchestrator.Docker.Cleanup;
using Orchestrator.Docker.Engine;

namespace Orchestrator.Cli.Tests.History;

/// <summary>
/// A Postgres container of the local image for one test, published on a random port of 127.0.0.1; removed on dispose.
/// It carries the orchestrator's owner labels with this test process as the owner, so no run sweeps it while the test
/// lives, and the next run's orphan sweep (or <c>clean</c>) removes it if the process dies before disposing it.
/// </summary>
internal sealed class HistoryPostgres : IAsyncDisposable
{
    private const string Image = "orchestrator/postgres:local";
    private const string Label = "orchestrator.tests.history";

    private readonly DockerClient _client;
    private readonly string _containerId;

    private HistoryPostgres(DockerClient client, string containerId, string connectionString)
    {
        _client = client;
        _containerId = containerId;
        ConnectionString = connectionString;
    }

    /// <summary>Host, port, user, password and database of the container's server.</summary>
    public string ConnectionString { get; }

    public static async Task<HistoryPostgres> StartAsync(CancellationToken ct)
    {
        var client = DockerEndpoint.FromEnvironment().CreateClient();
        var password = Guid.NewGuid().ToString("N");
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = Image,
            Env = [$"POSTGRES_PASSWORD={password}"],
            Labels = new Dictionary<string, string>
            {
                [Label] = Guid.NewGuid().ToString("N"),
                [ContainerLabels.Tool] = ContainerLabels.ToolValue,
                [ContainerLabels.RunId] = "history-test-" + Guid.NewGuid().ToString("N"),
                [ContainerLabels.OwnerPid] = OwnerProcess.Current.Pid.ToString(CultureInfo.InvariantCulture),
                [ContainerLabels.OwnerHost] = OwnerProcess.Current.Host,
                [ContainerLabels.OwnerStarted] = OwnerProcess.Current.StartedAtLabel,
                [ContainerLabels.Created] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            },
            ExposedPorts = new Dictionary<string, EmptyStruct> { ["5432/tcp"] = default },
            HostConfig = new HostConfig
            {
                PortBindings = new Dictionary<string, IList<PortBinding>> { ["5432/tcp"] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "" }] },
            },
        }, ct);
        var postgres = new HistoryPostgres(client, created.ID, "");
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), ct);
            var inspected = await client.Containers.InspectContainerAsync(created.ID, ct);
            var port = int.Parse(inspected.NetworkSettings.Ports["5432/tcp"][0].HostPort, CultureInfo.InvariantCulture);
            var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Pooling=false;Timeout=5";
            await WaitUntilReadyAsync(connectionString, ct);
            return new HistoryPostgres(client, created.ID, connectionString);
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls until the server answers a query (it restarts once while initializing).</summary>
    private static async Task WaitUntilReadyAsync(string connectionString, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(ct);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
            {
                await Task.Yield();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.Containers.RemoveContainerAsync(_containerId, new ContainerRemoveParameters { Force = true });
        _client.Dispose();
    }
}
