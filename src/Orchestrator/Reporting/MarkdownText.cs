using System.Text;

namespace Orchestrator.Reporting;

/// <summary>Escaping and truncation for Markdown (GitHub-flavoured) reports.</summary>
internal static class MarkdownText
{
    /// <summary>One table cell: no line breaks, pipes escaped, HTML-sensitive characters neutralised.</summary>
    public static string Cell(string? text, int maxLength = 200)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var single = Truncate(text.ReplaceLineEndings(" "), maxLength);
        var builder = new StringBuilder(single.Length + 8);
        foreach (var character in single)
        {
            _ = character switch
            {
                '|' => builder.Append("\\|"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '`' => builder.Append('\''),
                _ => builder.Append(character),
            };
        }
        return builder.ToString();
    }

    /// <summary>Inline code span, safe whatever the text holds.</summary>
    public static string Code(string text)
    {
        var clean = text.ReplaceLineEndings(" ").Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal);
        return $"`{clean}`";
    }

    /// <summary>A fenced block whose fence is longer than any backtick run inside.</summary>
    public static string Block(string text, int maxLines = 15, int maxLength = 1500)
    {
        var lines = Truncate(text, maxLength).ReplaceLineEndings("\n").Split('\n');
        var kept = lines.Length > maxLines ? [.. lines.Take(maxLines), $"… ({lines.Length - maxLines} more lines)"] : lines;
        var body = string.Join('\n', kept);
        var longestRun = 0;
        var run = 0;
        foreach (var character in body)
        {
            run = character == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }
        var fence = new string('`', Math.Max(3, longestRun + 1));
        return $"{fence}\n{body}\n{fence}";
    }

    public static string Truncate(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "…");
}
