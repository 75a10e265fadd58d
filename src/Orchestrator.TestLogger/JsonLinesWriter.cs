using System.Text.Json;

namespace Orchestrator.TestLogger;

/// <summary>
/// Writes one JSON object per line, UTF-8, flushed after every line so a reader following the
/// file sees each event as soon as it happens. Safe to call from several threads.
/// </summary>
internal sealed class JsonLinesWriter : IDisposable
{
    private static readonly byte[] s_newLine = [(byte)'\n'];

    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    public JsonLinesWriter(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
    }

    public void Write(Action<Utf8JsonWriter> writeProperties)
    {
        lock (_gate)
        {
            using (var writer = new Utf8JsonWriter(_stream))
            {
                writer.WriteStartObject();
                writeProperties(writer);
                writer.WriteEndObject();
            }

            _stream.Write(s_newLine);
            _stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream.Dispose();
        }
    }
}
