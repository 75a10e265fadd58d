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
    IReadOnlyList<ExclusionDocument> Exclusions);

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
