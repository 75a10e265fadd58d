using System.Text.RegularExpressions;

namespace Orchestrator.Audit;

/// <summary>
/// Finds secrets written in clear in a settings file's text (JSON, XML .runsettings), line by line: a key or element
/// named like a password, token or key with a literal value, a <c>Password=</c> setting of a connection string, and
/// a URL with a password in it. A template (<c>{secret}</c>, <c>${NAME}</c>, <c>$(NAME)</c>, <c>%NAME%</c>) or an empty
/// value is not a secret. One finding per line; the value itself is never kept.
/// </summary>
internal static partial class ClearTextSecretScanner
{
    public static IEnumerable<ClearTextSecret> Find(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (SecretOn(lines[index]) is { } name)
            {
                yield return new ClearTextSecret(file, index + 1, name);
            }
        }
    }

    private static string? SecretOn(string line)
    {
        foreach (var pattern in (ReadOnlySpan<Regex>)[JsonKeyValue(), XmlElement(), XmlAttribute()])
        {
            foreach (Match match in pattern.Matches(line))
            {
                if (SecretName().IsMatch(match.Groups["key"].Value) && IsLiteral(match.Groups["value"].Value))
                {
                    return match.Groups["key"].Value;
                }
            }
        }
        foreach (Match match in ConnectionPassword().Matches(line))
        {
            if (IsLiteral(match.Groups["value"].Value))
            {
                return match.Groups["key"].Value;
            }
        }
        return UrlPassword().Match(line) is { Success: true } url && IsLiteral(url.Groups["value"].Value) ? "password of a URL" : null;
    }

    private static bool IsLiteral(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length > 0 && !Template().IsMatch(trimmed) && trimmed != "***";
    }

    [GeneratedRegex(@"""(?<key>[^""]+)""\s*:\s*""(?<value>(?:[^""\\]|\\.)*)""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonKeyValue();

    [GeneratedRegex(@"<(?<key>[A-Za-z_][\w.-]*)(?:\s[^>]*)?>(?<value>[^<]*)</\k<key>>", RegexOptions.CultureInvariant)]
    private static partial Regex XmlElement();

    [GeneratedRegex(@"name\s*=\s*""(?<key>[^""]+)""\s+value\s*=\s*""(?<value>[^""]*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex XmlAttribute();

    [GeneratedRegex(@"(password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|client[-_]?secret)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?:^|[;""'\s>])(?<key>password|pwd)\s*=\s*(?<value>[^;""'<\s]*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s""']+:(?<value>[^@/\s""']+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"\{[^}]*\}|\$\(|%[A-Za-z_][A-Za-z0-9_]*%|#\{", RegexOptions.CultureInvariant)]
    private static partial Regex Template();
}
