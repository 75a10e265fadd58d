using Orchestrator.Configuration;

namespace Orchestrator.Pipeline;

/// <summary>
/// Whether a run may reuse passes from the result cache: the cadence's <c>cache</c> decides, unless the run is asked not
/// to (<c>--no-cache</c>) or does something a reused pass cannot stand in for: measuring coverage, repeating tests.
/// </summary>
public sealed record CacheUse(bool NoCache, bool Coverage, bool Repeats)
{
    /// <summary>No reuse: commands that only look (<c>up</c>) or whose caller does not ask for it.</summary>
    public static CacheUse Off { get; } = new(NoCache: true, Coverage: false, Repeats: false);

    /// <returns>Why the cache is not used, or null when it is.</returns>
    public string? WhyOff(CadenceDefinition cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        if (NoCache)
        {
            return "--no-cache";
        }
        if (!cadence.UsesCache)
        {
            return $"cadence '{cadence.Name}' does not use the result cache (its \"cache\" is false, or it is not commit or pr)";
        }
        if (Coverage)
        {
            return "coverage is measured, and a reused pass measures nothing";
        }
        return Repeats || cadence.Repeat > 1 ? "the run repeats its tests, which a reused pass cannot do" : null;
    }
}
