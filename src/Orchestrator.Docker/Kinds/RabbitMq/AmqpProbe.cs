using System.Buffers.Binary;
using Orchestrator.Docker.Readiness;

namespace Orchestrator.Docker.Kinds.RabbitMq;

/// <summary>Sends the AMQP 0-9-1 protocol header; ready when a Connection.Start method frame comes back.</summary>
internal sealed class AmqpProbe(string host, int port) : IReadinessProbe
{
    private static readonly byte[] _protocolHeader = "AMQP"u8.ToArray().Concat(new byte[] { 0, 0, 9, 1 }).ToArray();

    public string Description => $"AMQP 0-9-1 handshake on {host}:{port}";

    public Task<ProbeOutcome> TryAsync(CancellationToken ct) => ProbeConnection.RunAsync(host, port, ExchangeAsync, ct);

    private static async Task<ProbeOutcome> ExchangeAsync(Stream stream, CancellationToken ct)
    {
        await stream.WriteAsync(_protocolHeader, ct);
        // Frame: type (1 = method), channel (2), size (4), then class id (2) and method id (2).
        var frame = new byte[11];
        await stream.ReadExactlyAsync(frame, ct);
        if (frame[0] == (byte)'A')
        {
            return ProbeOutcome.NotYet("the broker does not speak AMQP 0-9-1 (it answered with another protocol header)");
        }
        var classId = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(7));
        var methodId = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(9));
        return frame[0] == 1 && classId == 10 && methodId == 10
            ? ProbeOutcome.Success
            : ProbeOutcome.NotYet($"expected Connection.Start, got frame type {frame[0]} class {classId} method {methodId}");
    }
}
