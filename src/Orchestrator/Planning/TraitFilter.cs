using Orchestrator.Configuration;
using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>
/// Tries to express a unit as a trait filter (<c>Category=Integration&amp;Resource=postgres&amp;Resource!=redis</c>),
/// which stays short however many tests the unit has. It is used only when, evaluated the way VSTest
/// does (a test matches <c>=</c> when any value of the trait equals, <c>!=</c> when none does), it selects
/// exactly the unit's tests among every discovered test of the unit's assemblies. Values are compared
/// without case here and every spelling is excluded, so the result holds for case-sensitive adapters too.
/// </summary>
internal static class TraitFilter
{
    public static string? TryBuild(
        IReadOnlyList<DiscoveredTest> unitTests,
        IEnumerable<DiscoveredTest> population,
        string layer,
        ResourceSet resources,
        TraitNames traits)
    {
        var layerValue = CommonValue(unitTests, traits.Layer, layer);
        if (layerValue is null)
        {
            return null;
        }
        var required = new List<string>(resources.Count);
        foreach (var resource in resources)
        {
            var value = CommonValue(unitTests, traits.Resource, resource);
            if (value is null)
            {
                return null;
            }
            required.Add(value);
        }

        var populationList = population as IReadOnlyCollection<DiscoveredTest> ?? population.ToList();
        var forbidden = populationList
            .SelectMany(test => Values(test, traits.Resource))
            .Where(value => !resources.Contains(value))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var unitKeys = unitTests.Select(test => test.Key).ToHashSet();
        var matched = 0;
        foreach (var candidate in populationList)
        {
            if (!Has(candidate, traits.Layer, layerValue)
                || !required.TrueForAll(value => Has(candidate, traits.Resource, value))
                || forbidden.Exists(value => Has(candidate, traits.Resource, value)))
            {
                continue;
            }
            if (!unitKeys.Contains(candidate.Key))
            {
                return null;
            }
            matched++;
        }
        if (matched != unitKeys.Count)
        {
            return null;
        }

        var conditions = new List<string> { VsTestFilter.Condition(traits.Layer, layerValue) };
        conditions.AddRange(required.Select(value => VsTestFilter.Condition(traits.Resource, value)));
        conditions.AddRange(forbidden.Select(value => VsTestFilter.Condition(traits.Resource, value, equal: false)));
        return string.Join('&', conditions);
    }

    /// <summary>
    /// The trait value equal to <paramref name="expected"/> that every test carries, spelt the same way by all
    /// (so the filter works whether the adapter compares values with or without case); null otherwise.
    /// </summary>
    private static string? CommonValue(IReadOnlyList<DiscoveredTest> tests, string traitName, string expected)
    {
        string? spelling = null;
        foreach (var test in tests)
        {
            var value = Values(test, traitName).FirstOrDefault(v => string.Equals(v, expected, StringComparison.OrdinalIgnoreCase));
            if (value is null || (spelling is not null && !string.Equals(spelling, value, StringComparison.Ordinal)))
            {
                return null;
            }
            spelling = value;
        }
        return spelling;
    }

    private static IEnumerable<string> Values(DiscoveredTest test, string traitName)
    {
        foreach (var trait in test.Traits)
        {
            if (string.Equals(trait.Name, traitName, StringComparison.OrdinalIgnoreCase))
            {
                yield return trait.Value;
            }
        }
    }

    private static bool Has(DiscoveredTest test, string traitName, string value)
    {
        foreach (var trait in test.Traits)
        {
            if (string.Equals(trait.Name, traitName, StringComparison.OrdinalIgnoreCase)
                && string.Equals(trait.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
