using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Kinds.Redis;

/// <summary>
/// Empties a unit's database index with <c>FLUSHDB</c> over RESP, through the port published on the loopback address,
/// so the index can be handed to a later unit clean.
/// </summary>
internal static class RedisDatabases
{
    public static async Task FlushAsync(NamespaceRequest request, int index, CancellationToken ct)
    {
        var instance = request.Instance;
        var port = instance.PrimaryPort ?? throw new ResourceException(request.Tracked.Definition.Name,
            $"Resource '{request.Tracked.Definition.Name}' publishes no port, so its databases cannot be emptied: give it \"ports\": [6379].");
        try
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(instance.Host, port, ct).ConfigureAwait(false);
            await using var stream = client.GetStream();
            var commands = new StringBuilder();
            if (request.Tracked.Secret.Length > 0)
            {
                commands.Append(RedisProtocol.Command("AUTH", request.Tracked.Secret));
            }
            commands.Append(RedisProtocol.Command("SELECT", index.ToString(CultureInfo.InvariantCulture))).Append(RedisProtocol.Command("FLUSHDB"));
            await stream.WriteAsync(Encoding.UTF8.GetBytes(commands.ToString()), ct).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var replies = request.Tracked.Secret.Length > 0 ? 3 : 2;
            for (var reply = 0; reply < replies; reply++)
            {
                var line = await RedisProtocol.ReadLineAsync(reader, ct).ConfigureAwait(false);
                if (reply == 0 && replies == 3 ? RedisProtocol.RefusesAuth(line) : line.StartsWith('-'))
                {
                    throw new IOException($"the server answered {line}");
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            throw new ResourceException(request.Tracked.Definition.Name, request.Redactor.Redact(
                $"Emptying database {index} of '{request.Tracked.InstanceName}' on {instance.Host}:{port} failed: {exception.Message}. " +
                "The database is not handed to another unit; if units run out of databases, set the resource's isolation mode to 'dedicated'."),
                exception, request.Tracked.ContainerId);
        }
    }
}
