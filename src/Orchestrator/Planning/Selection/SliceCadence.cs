using Orchestrator.Configuration;

namespace Orchestrator.Planning.Selection;

/// <summary>
/// The cadence of a slice given without <c>--cadence</c>: every layer and every configured resource, no retry, so the
/// selection alone decides what runs and a failure shows at once.
/// </summary>
public static class SliceCadence
{
    public const string Name = "slice";

    /// <summary>The configuration with the slice cadence added (a cadence the file calls <c>slice</c> is kept).</summary>
    public static OrchestratorConfiguration AddTo(OrchestratorConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Cadences.ContainsKey(Name)
            ? configuration
            : configuration with
            {
                Cadences = configuration.Cadences.SetItem(Name, new CadenceDefinition(Name, configuration.Layers, [.. configuration.Resources.Keys.Order(StringComparer.Ordinal)])),
            };
    }
}
