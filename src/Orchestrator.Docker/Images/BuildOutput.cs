using System.Text;
using Docker.DotNet.Models;

namespace Orchestrator.Docker.Images;

/// <summary>Collects an image build's (or pull's) streamed messages, in order, and its first error.</summary>
internal sealed class BuildOutput(Action<string>? log) : IProgress<JSONMessage>
{
    private const int KeptLines = 30;

    private readonly Lock _lock = new();
    private readonly Queue<string> _lines = new();

    public string? Error { get; private set; }

    public string Tail
    {
        get
        {
            lock (_lock)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    public void Report(JSONMessage value)
    {
        var error = value.Error?.Message ?? value.ErrorMessage;
        var text = string.IsNullOrEmpty(error) ? value.Stream ?? value.Status : error;
        lock (_lock)
        {
            if (!string.IsNullOrEmpty(error))
            {
                Error ??= error;
            }
            foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                _lines.Enqueue(line);
                if (_lines.Count > KeptLines)
                {
                    _lines.Dequeue();
                }
                log?.Invoke(line);
            }
        }
    }

    public override string ToString() => new StringBuilder().Append(Error).AppendLine().Append(Tail).ToString();
}
