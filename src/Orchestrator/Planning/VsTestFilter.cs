using System.Buffers;
using System.Text;
using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>Builds VSTest <c>--filter</c> expressions.</summary>
public static class VsTestFilter
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
    /// A name the NUnit adapter's own filter parser cannot read (a quote or an unbalanced parenthesis in a test case's
    /// arguments: it runs out of memory and runs nothing) is selected with <c>~</c> instead, which VSTest matches itself.
    /// </summary>
    public static string ForNames(IEnumerable<TestKey> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var names = tests.Select(test => test.FullyQualifiedName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return string.Join('|', names.Select(name => (NeedsContainsMatch(name) ? "FullyQualifiedName~" : "FullyQualifiedName=") + Escape(name)));
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
