using Orchestrator.Pipeline;

namespace Orchestrator.Cli.Plan;

/// <summary>A plan as <c>plan --json</c> writes it: durations in seconds, tests as names.</summary>
internal sealed record PlanDocument(
    string Cadence,
    string? Shard,
    int SelectedTests,
    int ExcludedTests,
    PredictionDocument Prediction,
    IReadOnlyList<PartitionDocument> Partitions,
    IReadOnlyDictionary<string, int> ExclusionCounts,
    IReadOnlyList<ExclusionDocument> Exclusions)
{
    /// <summary>The result cache's decision per assembly and resource set; empty when the cadence does not use it.</summary>
    public IReadOnlyList<CacheScopeSummary> Cache { get; init; } = [];

    /// <summary>Why the result cache is not used; null when it is.</summary>
    public string? CacheOff { get; init; }
}

internal sealed record PredictionDocument(double MakespanSeconds, double LowerBoundSeconds, double TotalWorkSeconds, int Slots);

internal sealed record PartitionDocument(
    string Id,
    string Layer,
    IReadOnlyList<string> Resources,
    int Tests,
    double ExpectedSeconds,
    int ContainersNeeded,
    IReadOnlyList<string> PackedSets,
    IReadOnlyList<UnitDocument> Units);

internal sealed record UnitDocument(string Id, double ExpectedSeconds, IReadOnlyList<string> Sources, string Filter, IReadOnlyList<string> Tests);

internal sealed record ExclusionDocument(string Test, string Reason, string Detail);
