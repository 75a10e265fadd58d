using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// Cadences used when the file declares none: <c>commit</c> runs unit and integration tests that need
/// no resource; <c>pr</c> runs every layer but e2e with every resource and one retry; <c>nightly</c>
/// runs everything with two retries.
/// </summary>
internal static class DefaultCadences
{
    public static ImmutableDictionary<string, CadenceDefinition> For(ImmutableArray<string> layers, string defaultLayer, IEnumerable<string> resources)
    {
        var allResources = resources.Order(StringComparer.Ordinal).ToImmutableArray();
        var commitLayers = layers.Where(layer => layer is "unit" or "integration").ToImmutableArray();
        var prLayers = layers.Where(layer => layer != "e2e").ToImmutableArray();
        return new Dictionary<string, CadenceDefinition>
        {
            ["commit"] = new("commit", commitLayers.IsEmpty ? [defaultLayer] : commitLayers, [], Repeat: 1, Retries: 0),
            ["pr"] = new("pr", prLayers.IsEmpty ? layers : prLayers, allResources, Repeat: 1, Retries: 1),
            ["nightly"] = new("nightly", layers, allResources, Repeat: 1, Retries: 2),
        }.ToImmutableDictionary(StringComparer.Ordinal);
    }
}
