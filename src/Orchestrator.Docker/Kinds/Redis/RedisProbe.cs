using System.Text;
using Orchestrator.Docker.Readiness;

namespace Orchestrator.Docker.Kinds.Redis;

/// <summary>Sends <c>AUTH secret</c> and <c>PING</c> in RESP; ready on <c>+PONG</c> (<c>-LOADING</c> means not yet).</summary>
internal sealed class RedisProbe(string host, int port, string secret) : IReadinessProbe
{
    public string Description => $"redis AUTH+PING on {host}:{port}";

    public Task<ProbeOutcome> TryAsync(CancellationToken ct) => ProbeConnection.RunAsync(host, port, ExchangeAsync, ct);

    private async Task<ProbeOutcome> ExchangeAsync(Stream stream, CancellationToken ct)
    {
        var request = new StringBuilder();
        if (secret.Length > 0)
        {
            request.Append(RedisProtocol.Command("AUTH", secret));
        }
        request.Append(RedisProtocol.Command("PING"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), ct);

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        if (secret.Length > 0)
        {
            var auth = await RedisProtocol.ReadLineAsync(reader, ct);
            if (RedisProtocol.RefusesAuth(auth))
            {
                return ProbeOutcome.NotYet("AUTH answered " + auth);
            }
        }
        var ping = await RedisProtocol.ReadLineAsync(reader, ct);
        return ping == "+PONG" ? ProbeOutcome.Success : ProbeOutcome.NotYet("PING answered " + ping);
    }
}
