using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Execution.Console;

/// <summary>
/// The framing of <c>vstest.console</c>'s design-mode protocol over its socket: each message a JSON object
/// (<c>Version</c>, <c>MessageType</c>, <c>Payload</c>) written as a .NET <see cref="BinaryWriter"/> string (a 7-bit encoded
/// length, then UTF-8), as the console's own client writes them. Sends are thread-safe; receives are for one reader.
/// </summary>
internal sealed class DesignModeChannel : IDisposable
{
    private readonly Stream _stream;
    private readonly BinaryReader _reader;
    private readonly BinaryWriter _writer;
    private readonly Lock _sending = new();

    public DesignModeChannel(Stream stream)
    {
        _stream = stream;
        _reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        _writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <param name="version">The negotiated protocol version; null for the messages of the handshake, which carry none.</param>
    public void Send(string messageType, JsonNode? payload, int? version)
    {
        var message = new JsonObject();
        if (version is { } negotiated)
        {
            message["Version"] = negotiated;
        }
        message["MessageType"] = messageType;
        message["Payload"] = payload;
        lock (_sending)
        {
            _writer.Write(message.ToJsonString());
            _writer.Flush();
        }
    }

    /// <summary>Blocks until the next message; throws <see cref="IOException"/> or <see cref="EndOfStreamException"/> when the console is gone.</summary>
    public DesignModeMessage Receive()
    {
        using var document = JsonDocument.Parse(_reader.ReadString());
        var root = document.RootElement;
        var type = root.TryGetProperty("MessageType", out var typeElement) ? typeElement.GetString() ?? string.Empty : string.Empty;
        var payload = root.TryGetProperty("Payload", out var payloadElement) ? payloadElement.Clone() : default;
        return new DesignModeMessage(type, payload);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _stream.Dispose();
    }
}
