using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>The selected tests of one layer that need exactly one set of resources, or several small sets packed together.</summary>
/// <param name="Id">Stable, readable id: <c>integration-postgres+redis</c>, <c>unit-none</c>, <c>integration-packed-postgres+redis</c>.</param>
/// <param name="Resources">Every resource a test of the partition needs.</param>
public sealed record Partition(string Id, string Layer, ResourceSet Resources, IReadOnlyList<ExecutionUnit> Units)
{
    /// <summary>The resource sets packed into this partition; empty when it holds one set.</summary>
    public IReadOnlyList<ResourceSet> PackedSets { get; init; } = [];

    public int TestCount => Units.Sum(unit => unit.Tests.Count);

    /// <summary>Results the partition should report (theory rows count one by one).</summary>
    public int ExpectedResults => Units.Sum(unit => unit.ExpectedResults);

    public TimeSpan ExpectedDuration => Units.Aggregate(TimeSpan.Zero, (sum, unit) => sum + unit.ExpectedDuration);
}
