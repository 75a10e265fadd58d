using System.Buffers.Binary;
using System.Text;
using Orchestrator.Docker.Readiness;

namespace Orchestrator.Docker.Kinds.Postgres;

/// <summary>
/// Sends a PostgreSQL StartupMessage (protocol 3.0) and is ready when the server asks for
/// authentication: it then accepts sessions. "57P03 the database system is starting up" and a
/// closed connection mean not yet.
/// </summary>
internal sealed class PostgresProbe(string host, int port) : IReadinessProbe
{
    private static readonly byte[] _startupMessage = BuildStartupMessage();

    public string Description => $"postgres startup handshake on {host}:{port}";

    public Task<ProbeOutcome> TryAsync(CancellationToken ct) => ProbeConnection.RunAsync(host, port, ExchangeAsync, ct);

    private static async Task<ProbeOutcome> ExchangeAsync(Stream stream, CancellationToken ct)
    {
        await stream.WriteAsync(_startupMessage, ct);
        var header = new byte[5];
        await stream.ReadExactlyAsync(header, ct);
        switch ((char)header[0])
        {
            case 'R':
                return ProbeOutcome.Success;
            case 'E':
                var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
                var body = new byte[Math.Clamp(length - 4, 0, 64 * 1024)];
                await stream.ReadExactlyAsync(body, ct);
                return ProbeOutcome.NotYet("server answered with an error: " + DescribeError(body));
            default:
                return ProbeOutcome.NotYet($"unexpected reply '{(char)header[0]}' to the startup message (is this a PostgreSQL server?)");
        }
    }

    private static string DescribeError(byte[] body)
    {
        string? code = null, message = null;
        var position = 0;
        while (position < body.Length && body[position] != 0)
        {
            var field = (char)body[position++];
            var end = Array.IndexOf(body, (byte)0, position);
            end = end < 0 ? body.Length : end;
            var value = Encoding.UTF8.GetString(body, position, end - position);
            position = end + 1;
            if (field == 'C')
            {
                code = value;
            }
            else if (field == 'M')
            {
                message = value;
            }
        }
        return $"{code ?? "?"} {message ?? "(no message)"}";
    }

    private static byte[] BuildStartupMessage()
    {
        var parameters = Encoding.ASCII.GetBytes("user\0postgres\0database\0postgres\0\0");
        var message = new byte[8 + parameters.Length];
        BinaryPrimitives.WriteInt32BigEndian(message, message.Length);
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(4), 3 << 16);
        parameters.CopyTo(message, 8);
        return message;
    }
}
