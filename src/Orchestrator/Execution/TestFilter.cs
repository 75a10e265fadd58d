using System.Text;
using Orchestrator.Model;

namespace Orchestrator.Execution;

/// <summary>VSTest filter expressions for re-running exact tests.</summary>
public static class TestFilter
{
    /// <summary><c>FullyQualifiedName=A|FullyQualifiedName=B</c>, with the filter language's special characters escaped.</summary>
    public static string ForTests(IEnumerable<TestKey> tests) =>
        string.Join('|', tests.Select(test => test.FullyQualifiedName).Distinct(StringComparer.Ordinal).Select(name => "FullyQualifiedName=" + Escape(name)));

    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
