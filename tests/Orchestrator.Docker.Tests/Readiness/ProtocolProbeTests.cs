using System.Net;
using System.Net.Sockets;
using System.Text;
using Orchestrator.Docker.Kinds.MySql;
using Orchestrator.Docker.Kinds.Postgres;
using Orchestrator.Docker.Kinds.RabbitMq;
using Orchestrator.Docker.Kinds.Redis;
using Orchestrator.Docker.Readiness;
using Xunit;

namespace Orchestrator.Docker.Tests.Readiness;

/// <summary>The protocol probes against scripted servers on loopback: what counts as ready, and what as not yet.</summary>
[Trait("Category", "Integration")]
public sealed class ProtocolProbeTests
{
    [Fact]
    public async Task Postgres_starting_up_is_not_ready_and_an_authentication_request_is()
    {
        var starting = await AgainstAsync(port => new PostgresProbe("127.0.0.1", port), PostgresError("57P03", "the database system is starting up"));
        var accepting = await AgainstAsync(port => new PostgresProbe("127.0.0.1", port), [(byte)'R', 0, 0, 0, 8, 0, 0, 0, 10]);

        Assert.False(starting.Ready);
        Assert.Contains("57P03 the database system is starting up", starting.Error, StringComparison.Ordinal);
        Assert.True(accepting.Ready);
    }

    [Fact]
    public async Task A_connection_closed_without_an_answer_is_not_ready()
    {
        var outcome = await AgainstAsync(port => new PostgresProbe("127.0.0.1", port), []);

        Assert.False(outcome.Ready);
        Assert.Contains("closed", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_is_ready_on_PONG_and_not_with_a_wrong_password()
    {
        var ready = await AgainstAsync(port => new RedisProbe("127.0.0.1", port, "s3cr3t-value"), "+OK\r\n+PONG\r\n"u8.ToArray());
        var refused = await AgainstAsync(port => new RedisProbe("127.0.0.1", port, "s3cr3t-value"), "-WRONGPASS invalid username-password pair\r\n-NOAUTH Authentication required.\r\n"u8.ToArray());
        var loading = await AgainstAsync(port => new RedisProbe("127.0.0.1", port, string.Empty), "-LOADING Redis is loading the dataset in memory\r\n"u8.ToArray());

        Assert.True(ready.Ready);
        Assert.False(refused.Ready);
        Assert.Contains("WRONGPASS", refused.Error, StringComparison.Ordinal);
        Assert.False(loading.Ready);
    }

    [Fact]
    public async Task Amqp_is_ready_on_connection_start_and_not_on_another_protocol_header()
    {
        byte[] connectionStart = [1, 0, 0, 0, 0, 0, 4, 0, 10, 0, 10, 0xCE];
        var ready = await AgainstAsync(port => new AmqpProbe("127.0.0.1", port), connectionStart);
        var otherVersion = await AgainstAsync(port => new AmqpProbe("127.0.0.1", port), "AMQP\0\0\x09\x01\0\0\0"u8.ToArray());

        Assert.True(ready.Ready);
        Assert.False(otherVersion.Ready);
    }

    [Fact]
    public async Task Mysql_is_ready_on_the_servers_handshake_and_not_on_an_error_packet()
    {
        var ready = await AgainstAsync(port => new MySqlProbe("127.0.0.1", port), MySqlPacket([0x0A, .. "10.11.18-MariaDB\0"u8.ToArray(), 1, 0, 0, 0]), serverSpeaksFirst: true);
        var busy = await AgainstAsync(port => new MySqlProbe("127.0.0.1", port), MySqlPacket([0xFF, 0x10, 0x04, .. "Too many connections"u8.ToArray()]), serverSpeaksFirst: true);
        var other = await AgainstAsync(port => new MySqlProbe("127.0.0.1", port), "HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), serverSpeaksFirst: true);

        Assert.True(ready.Ready);
        Assert.False(busy.Ready);
        Assert.Contains("1040 Too many connections", busy.Error, StringComparison.Ordinal);
        Assert.False(other.Ready);
    }

    /// <summary>A MySQL packet: payload length (3 bytes, little endian), sequence id 0, payload.</summary>
    private static byte[] MySqlPacket(byte[] payload) => [(byte)payload.Length, (byte)(payload.Length >> 8), (byte)(payload.Length >> 16), 0, .. payload];

    /// <summary>
    /// Runs one probe attempt against a one-shot server that reads the request and sends <paramref name="reply"/>,
    /// or sends it at once when the protocol has the server speak first.
    /// </summary>
    private static async Task<ProbeOutcome> AgainstAsync(Func<int, IReadinessProbe> probeOnPort, byte[] reply, bool serverSpeaksFirst = false)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var connection = await listener.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            if (!serverSpeaksFirst)
            {
                var request = new byte[1024];
                _ = await stream.ReadAsync(request);
            }
            await stream.WriteAsync(reply);
            connection.Client.Shutdown(SocketShutdown.Send);
        });
        var probe = probeOnPort(port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var outcome = await probe.TryAsync(timeout.Token);
        await server;
        return outcome;
    }

    private static byte[] PostgresError(string code, string message)
    {
        var body = Encoding.ASCII.GetBytes($"SFATAL\0C{code}\0M{message}\0\0");
        var length = body.Length + 4;
        return [(byte)'E', (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, .. body];
    }
}
