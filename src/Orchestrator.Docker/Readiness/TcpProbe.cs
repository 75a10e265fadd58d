namespace Orchestrator.Docker.Readiness;

/// <summary>
/// Connects and is ready when the connection stays open for a short window: the engine's port
/// proxy accepts at once but closes the connection when nothing listens inside the container.
/// </summary>
internal sealed class TcpProbe(string host, int port, TimeSpan window) : IReadinessProbe
{
    public string Description => $"TCP connection on {host}:{port} kept open for {window.TotalMilliseconds:0} ms";

    public Task<ProbeOutcome> TryAsync(CancellationToken ct) => ProbeConnection.RunAsync(host, port, ExchangeAsync, ct);

    private async Task<ProbeOutcome> ExchangeAsync(Stream stream, CancellationToken ct)
    {
        using var windowTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        windowTimeout.CancelAfter(window);
        try
        {
            var read = await stream.ReadAsync(new byte[1], windowTimeout.Token);
            return read > 0 ? ProbeOutcome.Success : ProbeOutcome.NotYet("the connection was closed at once (nothing listens yet)");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ProbeOutcome.Success;
        }
    }
}
