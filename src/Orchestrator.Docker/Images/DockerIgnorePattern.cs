using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Docker.Images;

/// <summary>
/// One .dockerignore pattern as a regular expression, the way docker's matcher builds it: <c>*</c> and <c>?</c>
/// stay within a path segment, <c>**</c> crosses segments, <c>[a-z]</c> and <c>[^a-z]</c> are character classes
/// with Go's <c>filepath.Match</c> syntax (negation is <c>^</c>; a <c>!</c> inside brackets is an ordinary
/// character), and <c>\</c> makes the next character literal. A pattern that <c>filepath.Match</c> rejects
/// (an unclosed or empty class, a dangling <c>-</c> or <c>\</c>, a reversed range) is an error, as in docker.
/// </summary>
internal static class DockerIgnorePattern
{
    /// <summary>The expression for a cleaned pattern; it also matches everything under a matching directory.</summary>
    /// <exception cref="FormatException">The pattern is malformed; the message says where.</exception>
    public static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '\\':
                    if (++i == pattern.Length)
                    {
                        throw new FormatException("it ends with a '\\' that escapes nothing (write '\\\\' for a backslash)");
                    }
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                case '[':
                    i = AppendClass(pattern, i, regex);
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        regex.Append("(/.*)?$");
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Appends the class that opens at <paramref name="start"/> and returns the index of its closing ']'.
    /// Go's rules: an optional '^', then at least one character or range; '-' and ']' must be escaped
    /// to be members; '\' escapes inside the class too.
    /// </summary>
    private static int AppendClass(string pattern, int start, StringBuilder regex)
    {
        var i = start + 1;
        var members = new StringBuilder();
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }
        var ranges = 0;
        while (true)
        {
            if (i < pattern.Length && pattern[i] == ']' && ranges > 0)
            {
                regex.Append('[').Append(negated ? "^" : "").Append(members).Append(']');
                return i;
            }
            var low = ClassCharacter(pattern, ref i, start);
            var high = low;
            if (pattern[i] == '-')
            {
                i++;
                high = ClassCharacter(pattern, ref i, start);
                if (high < low)
                {
                    throw new FormatException($"the range {low}-{high} in the class at position {start + 1} runs backwards (write {high}-{low})");
                }
            }
            members.Append(EscapeInClass(low));
            if (high != low)
            {
                members.Append('-').Append(EscapeInClass(high));
            }
            ranges++;
        }
    }

    /// <summary>Go's getEsc: a class member is neither missing, nor an unescaped '-' or ']', and the class must go on after it.</summary>
    private static char ClassCharacter(string pattern, ref int i, int start)
    {
        var unclosed = $"the character class at position {start + 1} is not closed with ']'";
        if (i >= pattern.Length)
        {
            throw new FormatException(unclosed);
        }
        if (pattern[i] is '-' or ']')
        {
            throw new FormatException(
                $"the character class at position {start + 1} has a bare '{pattern[i]}' where a character belongs (escape it as '\\{pattern[i]}', or put the class's characters before it)");
        }
        if (pattern[i] == '\\' && ++i >= pattern.Length)
        {
            throw new FormatException(unclosed);
        }
        var member = pattern[i++];
        return i < pattern.Length ? member : throw new FormatException(unclosed);
    }

    private static string EscapeInClass(char c) =>
        c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString(CultureInfo.InvariantCulture);
}
