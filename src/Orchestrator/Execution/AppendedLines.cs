using System.Text;

namespace Orchestrator.Execution;

/// <summary>
/// Follows a file another process appends lines to (the logger's live results, the collector's progress): each
/// call returns the lines completed since the last one. The file may not exist yet; a half-written last line is
/// kept until its newline arrives, and a UTF-8 character split over two reads waits for its last bytes.
/// </summary>
internal sealed class AppendedLines(string path)
{
    private readonly StringBuilder _partial = new();
    private long _position;

    /// <summary>The complete, non-blank lines appended since the last call, without line ends.</summary>
    public IReadOnlyList<string> Read()
    {
        var text = ReadAppendedText();
        if (text.Length == 0)
        {
            return [];
        }
        _partial.Append(text);
        var buffered = _partial.ToString();
        var lastNewline = buffered.LastIndexOf('\n');
        if (lastNewline < 0)
        {
            return [];
        }
        _partial.Clear().Append(buffered, lastNewline + 1, buffered.Length - lastNewline - 1);
        return [.. buffered[..lastNewline].Split('\n')
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => line.TrimEnd('\r'))];
    }

    private string ReadAppendedText()
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length <= _position)
            {
                return string.Empty;
            }
            stream.Seek(_position, SeekOrigin.Begin);
            var bytes = new byte[stream.Length - _position];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            // Only hand complete UTF-8 sequences to the decoder; a split character waits for the next read.
            var complete = CompleteUtf8Length(bytes.AsSpan(0, read));
            _position += complete;
            return Encoding.UTF8.GetString(bytes, 0, complete);
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
        catch (DirectoryNotFoundException)
        {
            return string.Empty;
        }
    }

    private static int CompleteUtf8Length(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }
        return bytes.Length;
    }
}
