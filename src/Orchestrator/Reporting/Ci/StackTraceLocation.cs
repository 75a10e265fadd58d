using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Reporting.Ci;

/// <summary>Finds where a test failed from its .NET stack trace (<c>at Ns.Class.Method() in /path/File.cs:line 42</c>).</summary>
internal static partial class StackTraceLocation
{
    /// <summary>
    /// The first frame with a file that belongs to <paramref name="testClass"/> (the test's own code rather than a helper or
    /// assertion library it called), else the first frame with a file; null when no frame has one (no PDB, or no trace).
    /// </summary>
    /// <param name="repositoryRoot">Files under it are given relative to it.</param>
    public static SourceLocation? Find(string? stackTrace, string testClass, string repositoryRoot)
    {
        if (string.IsNullOrEmpty(stackTrace))
        {
            return null;
        }
        SourceLocation? first = null;
        foreach (var line in stackTrace.Split('\n'))
        {
            var frame = Frame().Match(line.TrimEnd('\r'));
            if (!frame.Success || !int.TryParse(frame.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }
            var location = new SourceLocation(Relative(frame.Groups["file"].Value, repositoryRoot), number);
            if (frame.Groups["method"].Value.StartsWith(testClass + ".", StringComparison.Ordinal))
            {
                return location;
            }
            first ??= location;
        }
        return first;
    }

    private static string Relative(string file, string repositoryRoot)
    {
        var root = repositoryRoot.Replace('\\', '/').TrimEnd('/') + "/";
        var path = file.Replace('\\', '/');
        return path.StartsWith(root, StringComparison.Ordinal) ? path[root.Length..] : file;
    }

    [GeneratedRegex(@"^\s*at (?<method>.+?) in (?<file>.+):line (?<line>\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Frame();
}
