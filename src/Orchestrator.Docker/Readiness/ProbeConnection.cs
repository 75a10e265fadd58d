using System.Net.Sockets;

namespace Orchestrator.Docker.Readiness;

/// <summary>A TCP connection for one protocol probe attempt; failures become "not yet" outcomes.</summary>
internal static class ProbeConnection
{
    public static async Task<ProbeOutcome> RunAsync(string host, int port, Func<NetworkStream, CancellationToken, Task<ProbeOutcome>> exchange, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(host, port, ct);
            await using var stream = client.GetStream();
            return await exchange(stream, ct);
        }
        catch (EndOfStreamException)
        {
            // The engine's port proxy accepts, then closes when nothing listens inside the container yet.
            return ProbeOutcome.NotYet("the connection was closed before the service answered (not listening yet)");
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return ProbeOutcome.NotYet(exception.Message);
        }
    }
}
