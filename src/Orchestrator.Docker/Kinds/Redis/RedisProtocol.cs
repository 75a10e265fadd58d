using System.Text;

namespace Orchestrator.Docker.Kinds.Redis;

/// <summary>The few pieces of RESP the orchestrator speaks: commands as arrays of bulk strings, replies read line by line.</summary>
internal static class RedisProtocol
{
    public static string Command(params string[] parts)
    {
        var command = new StringBuilder().Append('*').Append(parts.Length).Append("\r\n");
        foreach (var part in parts)
        {
            command.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }
        return command.ToString();
    }

    /// <summary>Whether a reply to AUTH refuses the password; a server without one rejects AUTH yet serves every command.</summary>
    public static bool RefusesAuth(string reply) =>
        reply.StartsWith('-') && !reply.Contains("without any password", StringComparison.OrdinalIgnoreCase)
        && !reply.Contains("no password is set", StringComparison.OrdinalIgnoreCase);

    public static async Task<string> ReadLineAsync(StreamReader reader, CancellationToken ct) =>
        await reader.ReadLineAsync(ct) ?? throw new EndOfStreamException();
}
