using System.Buffers.Binary;
using System.Text;
using Orchestrator.Docker.Readiness;

namespace Orchestrator.Docker.Kinds.MySql;

/// <summary>
/// Reads the packet a MySQL or MariaDB server sends first on a new connection, and is ready on an initial
/// handshake (protocol 10): the server accepts sessions only once it has started, its init file included. An
/// error packet instead (too many connections, a host not allowed) and a closed connection mean not yet.
/// </summary>
internal sealed class MySqlProbe(string host, int port) : IReadinessProbe
{
    private const byte HandshakeV10 = 0x0A;
    private const byte ErrorPacket = 0xFF;

    public string Description => $"mysql server handshake on {host}:{port}";

    public Task<ProbeOutcome> TryAsync(CancellationToken ct) => ProbeConnection.RunAsync(host, port, ExchangeAsync, ct);

    private static async Task<ProbeOutcome> ExchangeAsync(Stream stream, CancellationToken ct)
    {
        // Packet: payload length (3 bytes, little endian), sequence id (1), payload.
        var header = new byte[4];
        await stream.ReadExactlyAsync(header, ct);
        var length = header[0] | (header[1] << 8) | (header[2] << 16);
        var payload = new byte[Math.Clamp(length, 1, 64 * 1024)];
        await stream.ReadExactlyAsync(payload, ct);
        return payload[0] switch
        {
            HandshakeV10 => ProbeOutcome.Success,
            ErrorPacket => ProbeOutcome.NotYet("server answered with an error: " + DescribeError(payload)),
            _ => ProbeOutcome.NotYet($"unexpected first packet 0x{payload[0]:X2} (is this a MySQL or MariaDB server?)"),
        };
    }

    /// <summary>Error packet: 0xFF, error code (2 bytes, little endian), then the message.</summary>
    private static string DescribeError(byte[] payload) => payload.Length < 3
        ? "(no message)"
        : $"{BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(1))} {Encoding.UTF8.GetString(payload, 3, payload.Length - 3)}";
}
