using System.Text.RegularExpressions;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Images;

/// <summary>
/// The patterns of a build context's .dockerignore (see <see cref="DockerIgnorePattern"/>): a leading <c>!</c>
/// re-includes, <c>#</c> starts a comment, patterns are cleaned as paths (<c>docs/</c>, <c>./docs</c> and
/// <c>/docs</c> are <c>docs</c>); the last matching pattern decides, and a pattern matching a directory
/// matches everything under it.
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
        return File.Exists(file) ? Parse(File.ReadAllText(file), file) : Empty;
    }

    /// <param name="text">The file's content.</param>
    /// <param name="source">How to name the file in errors.</param>
    /// <exception cref="ResourceException">A pattern is malformed; names the file, the line and why.</exception>
    public static DockerIgnore Parse(string text, string source = ".dockerignore")
    {
        var rules = new List<(Regex, bool)>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var exception = line.StartsWith('!');
            var pattern = Clean(exception ? line[1..].Trim() : line);
            if (pattern.Length == 0 && !exception)
            {
                // '.' and '/': docker never leaves out the context itself.
                continue;
            }
            if (pattern.Length == 0)
            {
                throw new ResourceException($"{source} line {number}: '{line}' excludes nothing (a lone '!' has no pattern). Remove the line or give the path to re-include.");
            }
            try
            {
                rules.Add((DockerIgnorePattern.Compile(pattern), exception));
            }
            catch (FormatException malformed)
            {
                throw new ResourceException($"{source} line {number}: the pattern '{line}' is malformed: {malformed.Message}. Docker rejects it too; fix the pattern.");
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

    /// <summary>
    /// Go's filepath.Clean, then without a leading '/', as docker reads the file: empty and '.' segments go,
    /// '..' removes the segment before it. A backslash is not a separator here: it escapes.
    /// </summary>
    private static string Clean(string pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".." || !pattern.StartsWith('/'))
            {
                segments.Add(segment);
            }
        }
        return string.Join('/', segments);
    }
}
