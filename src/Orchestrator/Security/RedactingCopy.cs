using System.Text;

namespace Orchestrator.Security;

/// <summary>
/// Copies text with the run's secrets masked a chunk at a time, so that what it holds is bounded by its chunk and the
/// longest secret whatever the size of the text (a test may print hundreds of megabytes into its log and TRX). A secret
/// split between two chunks is masked whole: the end of a chunk that may begin one waits for the next chunk.
/// </summary>
internal static class RedactingCopy
{
    /// <summary>Characters read at a time.</summary>
    public const int ChunkSize = 64 * 1024;

    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/> (UTF-8 without BOM) with secrets masked.</summary>
    public static async Task CopyFileAsync(string source, string target, SecretRedactor redactor, CancellationToken ct)
    {
        using var reader = new StreamReader(source, detectEncodingFromByteOrderMarks: true);
        var writer = new StreamWriter(target, append: false, _utf8);
        await using (writer.ConfigureAwait(false))
        {
            await CopyAsync(reader, writer, redactor, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Masks the secrets in <paramref name="file"/> in place, through a copy beside it that replaces it.</summary>
    public static async Task RedactFileAsync(string file, SecretRedactor redactor, CancellationToken ct)
    {
        var copy = $"{file}.{Guid.NewGuid():N}.redacting";
        await CopyFileAsync(file, copy, redactor, ct).ConfigureAwait(false);
        File.Move(copy, file, overwrite: true);
    }

    public static async Task CopyAsync(TextReader source, TextWriter target, SecretRedactor redactor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(redactor);
        var secrets = redactor.Secrets;
        var chunk = new char[ChunkSize];
        var held = string.Empty;
        int read;
        while ((read = await source.ReadAsync(chunk.AsMemory(), ct).ConfigureAwait(false)) > 0)
        {
            var text = string.Concat(held, chunk.AsSpan(0, read));
            var safe = SafeLength(text, secrets);
            await target.WriteAsync(redactor.Redact(text[..safe]).AsMemory(), ct).ConfigureAwait(false);
            held = text[safe..];
        }
        await target.WriteAsync(redactor.Redact(held).AsMemory(), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// How much of <paramref name="text"/> can be masked and written now: all but the end that may be the start of a secret
    /// the next chunk completes, and never a part of a secret that begins before the cut and ends after it.
    /// </summary>
    private static int SafeLength(string text, IReadOnlyList<string> secrets)
    {
        if (secrets.Count == 0)
        {
            return text.Length;
        }
        var cut = Math.Max(0, text.Length - (secrets[0].Length - 1));
        bool moved;
        do
        {
            moved = false;
            foreach (var secret in secrets)
            {
                var from = Math.Max(0, cut - secret.Length + 1);
                var found = text.AsSpan(from, Math.Min(text.Length, cut + secret.Length - 1) - from).IndexOf(secret, StringComparison.Ordinal);
                if (found >= 0 && from + found < cut)
                {
                    cut = from + found;
                    moved = true;
                }
            }
        }
        while (moved && cut > 0);
        return cut;
    }
}
