using System.Text.RegularExpressions;
using Orchestrator.Model;

namespace Orchestrator.Execution;

/// <summary>
/// Reads the stack a dying test host printed (<c>Process terminated.</c>, an unhandled exception, VSTest's
/// <c>The active test run was aborted</c> with the host's last words) for the planned test whose method is on it:
/// the test that crashed, whatever test start last reached the orchestrator.
/// </summary>
internal static partial class CrashStack
{
    /// <summary>The method a frame line (<c>at Ns.Class.Method(Int32 value) in /src/File.cs:line 12</c>) runs, as <c>Ns.Class.Method</c>; null for other lines.</summary>
    public static string? MethodOf(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = Frame().Match(line);
        if (!match.Success)
        {
            return null;
        }
        var type = match.Groups["type"].Value;
        // Compiler-made frames name their method in angle brackets: Ns.Class+<Method>d__3.MoveNext, Ns.Class+<>c.<Method>b__0_0.
        return match.Groups["generated"].Success
            ? $"{Generated().Replace(type, string.Empty).Replace('+', '.')}.{match.Groups["generated"].Value}"
            : $"{type.Replace('+', '.')}.{match.Groups["method"].Value}";
    }

    /// <summary>The first of <paramref name="frames"/> (innermost first) that is a method of a planned test, as that test's name; null when none is.</summary>
    public static string? TestIn(IReadOnlyList<string> frames, IReadOnlyList<TestKey> planned)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(planned);
        if (frames.Count == 0 || planned.Count == 0)
        {
            return null;
        }
        var methods = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var test in planned)
        {
            var name = test.FullyQualifiedName;
            var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
            var method = (parenthesis > 0 ? name[..parenthesis] : name).Replace('+', '.');
            // NUnit plans a method's cases one by one: the crash names the method they share.
            methods[method] = methods.ContainsKey(method) ? method : name;
        }
        return frames.Select(frame => methods.GetValueOrDefault(frame)).FirstOrDefault(test => test is not null);
    }

    [GeneratedRegex(@"^\s*at (?<type>[^\s(]+?)[.+](?:<(?<generated>[^>]+)>[^\s(]*|(?<method>[^.+\s(<>]+)(?:\[[^\]]*\])?)\(")]
    private static partial Regex Frame();

    [GeneratedRegex(@"[.+]<>c(?:__DisplayClass\w*)?$")]
    private static partial Regex Generated();
}
