using Orchestrator.Text;
using Orchestrator.Configuration;
using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>
/// Quarantined tests run like every other selected test, but their failures never fail the build.
/// A cadence lists them as fully qualified name patterns with a <c>*</c> wildcard.
/// </summary>
public static class Quarantine
{
    public static bool IsQuarantined(CadenceDefinition cadence, TestKey test)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        return cadence.Quarantine.Any(pattern => Matches(pattern, test.FullyQualifiedName));
    }

    /// <summary>True when <paramref name="name"/> matches <paramref name="pattern"/> (ordinal, <c>*</c> matches any run of characters).</summary>
    public static bool Matches(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        return WildcardPattern.IsMatch(pattern, name, ignoreCase: false);
    }
}
