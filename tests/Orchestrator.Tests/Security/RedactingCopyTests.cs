using System.Text;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Security;

[Trait("Category", "Unit")]
public sealed class RedactingCopyTests
{
    private const string LongSecret = "s3cret-long-value";
    private const string ContainedSecret = "long-value";
    private const string OtherSecret = "Pa55w0rd!x";

    private static SecretRedactor Redactor()
    {
        var redactor = new SecretRedactor();
        redactor.Register(LongSecret);
        redactor.Register(ContainedSecret);
        redactor.Register(OtherSecret);
        return redactor;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(RedactingCopy.ChunkSize)]
    public async Task Secrets_split_between_reads_are_masked_as_in_the_whole_text(int charactersPerRead)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            builder.Append(new string('.', i % 23)).Append(LongSecret).Append(new string('-', i % 5)).Append(ContainedSecret).Append(OtherSecret[..(i % OtherSecret.Length)]).Append(OtherSecret);
        }
        // Past one chunk, so that the cut between two chunks falls inside secrets too.
        builder.Append(new string('x', RedactingCopy.ChunkSize - 5)).Append(LongSecret).Append(OtherSecret);
        var text = builder.ToString();
        var redactor = Redactor();
        var copy = new StringWriter();

        await RedactingCopy.CopyAsync(new TricklingReader(text, charactersPerRead), copy, redactor, CancellationToken.None);

        Assert.Equal(redactor.Redact(text), copy.ToString());
        Assert.DoesNotContain(ContainedSecret, copy.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(OtherSecret, copy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_far_larger_than_a_chunk_is_copied_holding_no_more_than_a_chunk_and_a_secret()
    {
        const long length = 64L * 1024 * 1024;
        var source = new GeneratedReader(length);
        var target = new TrailingWriter(source);

        await RedactingCopy.CopyAsync(source, target, Redactor(), CancellationToken.None);

        Assert.Equal(length, target.Written);
        Assert.True(target.MostHeld <= RedactingCopy.ChunkSize + LongSecret.Length, $"the copy held {target.MostHeld} characters read but not written");
    }

    [Fact]
    public async Task A_file_is_masked_in_place()
    {
        var file = Path.Combine(Path.GetTempPath(), $"redacting-copy-{Guid.NewGuid():N}.log");
        try
        {
            await File.WriteAllTextAsync(file, $"connect with {OtherSecret}\n");

            await RedactingCopy.RedactFileAsync(file, Redactor(), CancellationToken.None);

            Assert.Equal($"connect with {SecretRedactor.Mask}\n", await File.ReadAllTextAsync(file));
            Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Hands the text out a few characters per read.</summary>
    private sealed class TricklingReader(string text, int perRead) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var count = Math.Min(Math.Min(buffer.Length, perRead), text.Length - _position);
            text.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
    }

    /// <summary>Makes up <paramref name="length"/> characters of log lines as they are read: the text never exists whole.</summary>
    private sealed class GeneratedReader(long length) : TextReader
    {
        private const string Line = "2026-12-07 15:30:00 a test wrote this line of its output\n";

        public long Handed { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - Handed);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = Line[(int)((Handed + i) % Line.Length)];
            }
            Handed += count;
            return count;
        }
    }

    /// <summary>Counts what is written and how far the reads ran ahead of the writes.</summary>
    private sealed class TrailingWriter(GeneratedReader source) : TextWriter
    {
        public long Written { get; private set; }

        public long MostHeld { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Add(1);

        public override void Write(ReadOnlySpan<char> buffer) => Add(buffer.Length);

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Add(buffer.Length);
            return Task.CompletedTask;
        }

        private void Add(int count)
        {
            MostHeld = Math.Max(MostHeld, source.Handed - Written);
            Written += count;
        }
    }
}
