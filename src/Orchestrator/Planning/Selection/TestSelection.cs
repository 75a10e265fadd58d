using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Text;

namespace Orchestrator.Planning.Selection;

/// <summary>
/// A slice of the discovered tests a developer asks for (<c>run --filter … --project …</c>): the filter, matched
/// against each test's name, class, traits and the layer and resources the orchestrator resolved for it, and the
/// test projects (assembly names) to keep. Empty keeps everything.
/// </summary>
public sealed record TestSelection(TestFilter? Filter, ImmutableArray<string> Projects)
{
    /// <summary>The properties a filter can name beyond the tests' own traits.</summary>
    internal static ImmutableArray<string> KnownProperties { get; } =
        ["FullyQualifiedName", "Name", "ClassName", "Project", "Layer", "Resource", "Category", "TestCategory"];

    public static TestSelection All { get; } = new(null, []);

    public bool IsEmpty => Filter is null && Projects.IsDefaultOrEmpty;

    /// <summary>True when the test is in the slice.</summary>
    internal bool Includes(DiscoveredTest test, TraitNames traits)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(traits);
        if (!Projects.IsDefaultOrEmpty && !Projects.Contains(test.Key.Assembly, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        return Filter is null || Filter.Matches(property => ValuesOf(test, property, traits));
    }

    /// <summary>
    /// Why the slice selects none of <paramref name="tests"/>: what each condition and project was matched against,
    /// with the nearest names a typo may have meant.
    /// </summary>
    internal string DescribeEmpty(IReadOnlyList<DiscoveredTest> tests, TraitNames traits)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(traits);
        var parts = new List<string>();
        var projects = tests.Select(test => test.Key.Assembly).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        foreach (var project in Projects.IsDefaultOrEmpty ? [] : Projects.Where(project => !projects.Contains(project, StringComparer.OrdinalIgnoreCase)))
        {
            parts.Add($"no test project is named '{project}'{Suggest(project, projects)} (projects: {string.Join(", ", projects)})");
        }
        foreach (var condition in Filter?.Conditions ?? [])
        {
            var candidates = tests.SelectMany(test => ValuesOf(test, condition.Property, traits)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (candidates.Count == 0)
            {
                parts.Add($"no test has a property or trait '{condition.Property}' (known: {string.Join(", ", KnownProperties)} and the tests' traits)");
                continue;
            }
            if (condition.Operator is FilterOperator.Equal or FilterOperator.Contains && !candidates.Any(candidate => condition.Matches([candidate])))
            {
                var words = condition.Property is FilterCondition.FullyQualifiedName or "ClassName" or "Name"
                    ? candidates.SelectMany(candidate => candidate.Split('.', '(', ')', ',', ' ')).Where(word => word.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
                    : candidates;
                parts.Add($"'{condition}' matches no test{Suggest(condition.Value, words)}");
            }
        }
        var matchedAgainst = $"matched against the {tests.Count} discovered test(s)' FullyQualifiedName, Name, ClassName, Project, their traits, and the layer (Category, Layer) and resources (Resource) the orchestrator gives them";
        return parts.Count == 0
            ? $"The selection selects none of the tests; it was {matchedAgainst}: together, its conditions exclude every test."
            : $"The selection selects none of the tests ({matchedAgainst}): {string.Join("; ", parts)}.";
    }

    private static string Suggest(string value, IEnumerable<string> candidates) =>
        NameSuggestion.Nearest(value, candidates) is { } nearest ? $"; did you mean '{nearest}'?" : "";

    private static readonly ImmutableHashSet<string> LayerProperties = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "Layer", "Category", "TestCategory");

    private static IReadOnlyCollection<string> ValuesOf(DiscoveredTest test, string property, TraitNames traits)
    {
        var fullName = test.Key.FullyQualifiedName;
        var arguments = fullName.IndexOf('(', StringComparison.Ordinal);
        var dot = (arguments >= 0 ? fullName[..arguments] : fullName).LastIndexOf('.');
        var own = test.Traits.Where(trait => string.Equals(trait.Name, property, StringComparison.OrdinalIgnoreCase)).Select(trait => trait.Value);
        return property.ToUpperInvariant() switch
        {
            "FULLYQUALIFIEDNAME" => [fullName],
            "NAME" => [fullName[(dot + 1)..], test.DisplayName],
            "CLASSNAME" => [dot >= 0 ? fullName[..dot] : ""],
            "PROJECT" => [test.Key.Assembly],
            _ when LayerProperties.Contains(property) || property.Equals(traits.Layer, StringComparison.OrdinalIgnoreCase) => [.. own, test.Layer],
            _ when property.Equals("Resource", StringComparison.OrdinalIgnoreCase) || property.Equals(traits.Resource, StringComparison.OrdinalIgnoreCase) => [.. own, .. test.Resources],
            _ => [.. own],
        };
    }
}
