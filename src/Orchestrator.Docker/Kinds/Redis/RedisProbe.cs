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
            request.Append(Command("AUTH", secret));
        }
        request.Append(Command("PING"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), ct);

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        if (secret.Length > 0)
        {
            var auth = await ReadLineAsync(reader, ct);
            // A server without a password rejects AUTH but still answers PING: that is ready too.
            if (auth.StartsWith('-') && !auth.Contains("without any password", StringComparison.OrdinalIgnoreCase)
                && !auth.Contains("no password is set", StringComparison.OrdinalIgnoreCase))
            {
                return ProbeOutcome.NotYet("AUTH answered " + auth);
            }
        }
        var ping = await ReadLineAsync(reader, ct);
        return ping == "+PONG" ? ProbeOutcome.Success : ProbeOutcome.NotYet("PING answered " + ping);
    }

    private static async Task<string> ReadLineAsync(StreamReader reader, CancellationToken ct) =>
        await reader.ReadLineAsync(ct) ?? throw new EndOfStreamException();

    private static string Command(params string[] parts)
    {
        var command = new StringBuilder().Append('*').Append(parts.Length).Append("\r\n");
        foreach (var part in parts)
        {
            command.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }
        return command.ToString();
    }
}
