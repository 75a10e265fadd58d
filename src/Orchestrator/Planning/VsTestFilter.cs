using System.Buffers;
using System.Text;
using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>Builds VSTest <c>--filter</c> expressions.</summary>
internal static class VsTestFilter
{
    /// <summary>Characters the VSTest filter grammar gives a meaning to; a backslash makes them literal.</summary>
    private static readonly SearchValues<char> _special = SearchValues.Create("\\()&|=!~");

    /// <summary>Escapes a value for a filter condition: <c>\</c> before <c>( ) &amp; | = ! ~</c> and <c>\</c> itself.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny(_special) < 0)
        {
            return value;
        }
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (_special.Contains(c))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// <c>FullyQualifiedName=a|FullyQualifiedName=b</c> for the distinct names of <paramref name="tests"/>, in ordinal order.
    /// The NUnit adapter parses the filter itself, and a quote or an unbalanced parenthesis in a test case's arguments
    /// makes its parser run out of memory (or match nothing): such a case is selected by its method,
    /// <c>FullyQualifiedName~Ns.Class.Method</c>, and the merger leaves out the cases of that method the unit was not
    /// asked for, since another unit runs and counts them.
    /// </summary>
    public static string ForNames(IEnumerable<TestKey> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var terms = tests
            .Select(test => test.FullyQualifiedName)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => NeedsContainsMatch(name) ? "FullyQualifiedName~" + Escape(MethodOf(name)) : "FullyQualifiedName=" + Escape(name))
            .Distinct(StringComparer.Ordinal);
        return string.Join('|', terms);
    }

    /// <summary>The name up to its argument list (and any quote): what a contains term can safely hold.</summary>
    private static string MethodOf(string name)
    {
        var end = name.AsSpan().IndexOfAny('(', '"', ')');
        return end > 0 ? name[..end] : name;
    }

    /// <summary>True for names that a framework's own filter parser may not read: quotes, unbalanced parentheses.</summary>
    public static bool NeedsContainsMatch(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('"', StringComparison.Ordinal))
        {
            return true;
        }
        var depth = 0;
        foreach (var c in name)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return true;
            }
        }
        return depth != 0;
    }

    /// <summary>One condition: <c>name=value</c> or <c>name!=value</c>, the value escaped.</summary>
    public static string Condition(string property, string value, bool equal = true) =>
        $"{Escape(property)}{(equal ? "=" : "!=")}{Escape(value)}";
}
