namespace Orchestrator.Docker.Readiness;

/// <summary>An HTTP GET through the published port; ready on a 2xx status.</summary>
internal sealed class HttpProbe(string host, int port, string path) : IReadinessProbe
{
    private static readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly Uri _address = new($"http://{host}:{port}/{path.TrimStart('/')}");

    public string Description => $"HTTP GET {_address}";

    public async Task<ProbeOutcome> TryAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _client.GetAsync(_address, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.IsSuccessStatusCode
                ? ProbeOutcome.Success
                : ProbeOutcome.NotYet($"answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException exception)
        {
            return ProbeOutcome.NotYet(exception.Message);
        }
    }
}
