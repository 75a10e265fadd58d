using System.Text.Json.Serialization;

namespace Orchestrator.Results;

/// <summary>
/// Wall time of each phase of a run, in the order they happen; a phase the run did not time is null. In
/// <c>run.json</c> it is an object of the measured phases only (<c>{"discover": "00:00:05.1", …}</c>), the shape
/// earlier versions wrote as a name-to-duration map, so readers of either shape read the other.
/// </summary>
public sealed record RunPhases
{
    /// <summary>No phase timed.</summary>
    public static RunPhases None { get; } = new();

    /// <summary>Listing the tests of the built assemblies.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimeSpan? Discover { get; init; }

    /// <summary>Selecting, partitioning and splitting the tests into units.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimeSpan? Plan { get; init; }

    /// <summary>Building images and starting the containers the plan needs before its first unit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimeSpan? Prepare { get; init; }

    /// <summary>Running the units, from the first start to the last end.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimeSpan? Execute { get; init; }

    /// <summary>The timed phases with their names as reports print them, in the order they happen.</summary>
    public IReadOnlyList<(string Name, TimeSpan Duration)> Measured() =>
        [.. new (string Name, TimeSpan? Duration)[] { ("discover", Discover), ("plan", Plan), ("prepare", Prepare), ("execute", Execute) }
            .Where(phase => phase.Duration is not null)
            .Select(phase => (phase.Name, phase.Duration!.Value))];

    /// <summary>The longest time of each phase over <paramref name="runs"/>: the wall time of shards that ran side by side.</summary>
    public static RunPhases Longest(IEnumerable<RunPhases> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.Aggregate(None, (longest, run) => new RunPhases
        {
            Discover = Max(longest.Discover, run.Discover),
            Plan = Max(longest.Plan, run.Plan),
            Prepare = Max(longest.Prepare, run.Prepare),
            Execute = Max(longest.Execute, run.Execute),
        });
    }

    private static TimeSpan? Max(TimeSpan? left, TimeSpan? right) =>
        left is null ? right : right is null ? left : left > right ? left : right;
}
