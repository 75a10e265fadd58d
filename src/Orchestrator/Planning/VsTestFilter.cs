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

    /// <summary><c>FullyQualifiedName=a|FullyQualifiedName=b</c> for the distinct names of <paramref name="tests"/>, in ordinal order.</summary>
    public static string ForNames(IEnumerable<TestKey> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var names = tests.Select(test => test.FullyQualifiedName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return string.Join('|', names.Select(name => "FullyQualifiedName=" + Escape(name)));
    }

    /// <summary>One condition: <c>name=value</c> or <c>name!=value</c>, the value escaped.</summary>
    public static string Condition(string property, string value, bool equal = true) =>
        $"{Escape(property)}{(equal ? "=" : "!=")}{Escape(value)}";
}
