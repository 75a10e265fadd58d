using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>The selected tests of one layer that need exactly one set of resources.</summary>
/// <param name="Id">Stable, readable id: <c>integration-postgres+redis</c>, <c>unit-none</c>.</param>
public sealed record Partition(string Id, string Layer, ResourceSet Resources, IReadOnlyList<ExecutionUnit> Units)
{
    public int TestCount => Units.Sum(unit => unit.Tests.Count);

    /// <summary>Results the partition should report (theory rows count one by one).</summary>
    public int ExpectedResults => Units.Sum(unit => unit.ExpectedResults);

    public TimeSpan ExpectedDuration => Units.Aggregate(TimeSpan.Zero, (sum, unit) => sum + unit.ExpectedDuration);
}
