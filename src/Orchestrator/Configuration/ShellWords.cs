using System.Collections.Immutable;
using System.Text;

namespace Orchestrator.Configuration;

/// <summary>Splits a command line into words as a POSIX shell does: blanks separate, quotes and backslashes group.</summary>
internal static class ShellWords
{
    public static ImmutableArray<string> Split(string line)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote == '\'')
            {
                if (c == '\'') { quote = null; } else { word.Append(c); }
                continue;
            }
            if (quote == '"')
            {
                if (c == '"') { quote = null; }
                else if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') { word.Append(line[++i]); }
                else { word.Append(c); }
                continue;
            }
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
                    break;
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case '\\' when i + 1 < line.Length:
                    word.Append(line[++i]);
                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        if (quote is not null)
        {
            throw new FormatException($"Unterminated {quote} quote in '{line}'.");
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words.ToImmutable();
    }
}
