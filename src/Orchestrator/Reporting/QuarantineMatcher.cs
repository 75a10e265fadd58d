using System.Text.RegularExpressions;
using Orchestrator.Model;

namespace Orchestrator.Reporting;

/// <summary>Matches fully qualified test names against cadence quarantine patterns (<c>*</c> matches any run of characters).</summary>
public sealed class QuarantineMatcher
{
    public static QuarantineMatcher None { get; } = new([]);

    private readonly Regex? _regex;

    public QuarantineMatcher(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var alternatives = patterns
            .Where(pattern => !string.IsNullOrWhiteSpace(pattern))
            .Select(pattern => Regex.Escape(pattern.Trim()).Replace(@"\*", ".*", StringComparison.Ordinal))
            .ToList();
        Patterns = [.. patterns];
        _regex = alternatives.Count == 0
            ? null
            : new Regex($"^(?:{string.Join('|', alternatives)})$", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    }

    public IReadOnlyList<string> Patterns { get; }

    public bool IsQuarantined(TestKey key) => _regex is not null && _regex.IsMatch(key.FullyQualifiedName);
}
