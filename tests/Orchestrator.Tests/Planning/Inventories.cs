using Orchestrator.Model;
using Orchestrator.Planning;

namespace Orchestrator.Tests.Planning;

/// <summary>Builds discovered tests the way discovery reports them: layer and resources as traits.</summary>
internal static class Inventories
{
    public static DiscoveredTest Test(string fullyQualifiedName, string layer = "unit", string[]? resources = null, string assembly = "App.Tests")
    {
        var needs = resources ?? [];
        var traits = new List<TestTrait> { new("Category", Capitalised(layer)) };
        traits.AddRange(needs.Select(resource => new TestTrait("Resource", resource)));
        return new DiscoveredTest(
            new TestKey(assembly, fullyQualifiedName),
            fullyQualifiedName,
            $"/repo/artifacts/bin/{assembly}/{assembly}.dll",
            null,
            layer,
            ResourceSet.Of(needs),
            traits,
            TraitOrigin.Trait,
            TraitOrigin.Trait);
    }

    public static TestInventory Of(params DiscoveredTest[] tests) => new(tests, []);

    /// <summary>A history of the given durations in which a process of any of their assemblies starts in <paramref name="startUp"/>.</summary>
    public static TimingHistory WithStartUp(IReadOnlyDictionary<TestKey, TimeSpan> durations, TimeSpan startUp) =>
        TimingHistory.From(durations, durations.Keys.Select(key => key.Assembly).Distinct().ToDictionary(assembly => assembly, _ => startUp));

    private static string Capitalised(string layer) => layer.Length == 0 ? layer : char.ToUpperInvariant(layer[0]) + layer[1..];
}
