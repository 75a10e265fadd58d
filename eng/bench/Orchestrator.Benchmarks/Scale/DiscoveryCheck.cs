using System.Text.Json;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// Checks that <c>discover --json</c> found every generated test with the layer and resources the
/// generator gave it (counted per layer and resource set), so the timings measure the whole suite.
/// </summary>
internal static class DiscoveryCheck
{
    /// <summary>Null when discovery matches the suite, else what differs.</summary>
    public static string? Compare(GeneratedSuite suite, string json)
    {
        using var document = JsonDocument.Parse(json);
        var discovered = document.RootElement.GetProperty("tests").EnumerateArray()
            .GroupBy(test => Key(test.GetProperty("layer").GetString()!, test.GetProperty("resources").EnumerateArray().Select(resource => resource.GetString()!)))
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var expected = suite.Classes
            .GroupBy(@class => Key(@class.Group.Layer, @class.Group.Resources))
            .ToDictionary(group => group.Key, group => group.Sum(@class => @class.Tests.Count), StringComparer.Ordinal);
        var differences = expected.Keys.Union(discovered.Keys)
            .Order(StringComparer.Ordinal)
            .Where(key => expected.GetValueOrDefault(key) != discovered.GetValueOrDefault(key))
            .Select(key => $"{key}: generated {expected.GetValueOrDefault(key)}, discovered {discovered.GetValueOrDefault(key)}")
            .ToList();
        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static string Key(string layer, IEnumerable<string> resources)
    {
        var set = resources.Order(StringComparer.Ordinal).ToList();
        return $"{layer.ToLowerInvariant()}-{(set.Count == 0 ? "none" : string.Join('+', set))}";
    }
}
