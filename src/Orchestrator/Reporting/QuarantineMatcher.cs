using Orchestrator.Model;
using Orchestrator.Planning;

namespace Orchestrator.Reporting;

/// <summary>Matches fully qualified test names against cadence quarantine patterns (<c>*</c> matches any run of characters).</summary>
internal sealed class QuarantineMatcher
{
    public static QuarantineMatcher None { get; } = new([]);

    public QuarantineMatcher(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Patterns = [.. patterns.Where(pattern => !string.IsNullOrWhiteSpace(pattern)).Select(pattern => pattern.Trim())];
    }

    public IReadOnlyList<string> Patterns { get; }

    public bool IsQuarantined(TestKey key)
    {
        foreach (var pattern in Patterns)
        {
            if (Quarantine.Matches(pattern, key.FullyQualifiedName))
            {
                return true;
            }
        }
        return false;
    }
}
