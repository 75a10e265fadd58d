using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Docker.Images;

/// <summary>
/// The patterns of a build context's .dockerignore: <c>*</c> and <c>?</c> within a path segment,
/// <c>**</c> across segments, a leading <c>!</c> re-includes, <c>#</c> starts a comment; the last
/// matching pattern decides, and a pattern matching a directory matches everything under it.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly IReadOnlyList<(Regex Pattern, bool Exception)> _rules;

    private DockerIgnore(IReadOnlyList<(Regex Pattern, bool Exception)> rules) => _rules = rules;

    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>The .dockerignore of <paramref name="context"/>, or no patterns when it has none.</summary>
    public static DockerIgnore ForContext(string context)
    {
        var file = Path.Combine(context, ".dockerignore");
        return File.Exists(file) ? Parse(File.ReadAllText(file)) : Empty;
    }

    public static DockerIgnore Parse(string text)
    {
        var rules = new List<(Regex, bool)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var exception = line.StartsWith('!');
            var pattern = (exception ? line[1..].Trim() : line).Replace('\\', '/').Trim('/');
            while (pattern.StartsWith("./", StringComparison.Ordinal))
            {
                pattern = pattern[2..];
            }
            if (pattern.Length > 0)
            {
                rules.Add((ToRegex(pattern), exception));
            }
        }
        return new DockerIgnore(rules);
    }

    /// <summary>True when <paramref name="relativePath"/> (separated by '/') is left out of the context.</summary>
    public bool IsExcluded(string relativePath)
    {
        var excluded = false;
        foreach (var (pattern, exception) in _rules)
        {
            if (pattern.IsMatch(relativePath))
            {
                excluded = !exception;
            }
        }
        return excluded;
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
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
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        regex.Append("(/.*)?$");
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
