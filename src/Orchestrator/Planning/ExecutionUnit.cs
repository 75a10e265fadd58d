using Orchestrator.Model;

namespace Orchestrator.Planning;

/// <summary>
/// One test process: its tests, the assemblies they live in and the exact selection of them — a VSTest filter for a
/// <c>dotnet test</c> process, the cases' ids for a Microsoft.Testing.Platform test application.
/// </summary>
/// <param name="Id">Stable id: <c>integration-postgres#2</c>.</param>
/// <param name="PartitionId">The partition the unit belongs to.</param>
/// <param name="Layer">Layer of every test in the unit.</param>
/// <param name="Resources">Resources every test in the unit needs.</param>
/// <param name="Tests">Tests the unit runs, in ordinal order.</param>
/// <param name="Sources">Full paths of the test assemblies to pass to <c>dotnet test</c>.</param>
/// <param name="Filter">VSTest filter expression that selects exactly <paramref name="Tests"/> within <paramref name="Sources"/>.</param>
/// <param name="ExpectedDuration">Sum of the tests' historical (or estimated) durations.</param>
public sealed record ExecutionUnit(
    string Id,
    string PartitionId,
    string Layer,
    ResourceSet Resources,
    IReadOnlyList<TestKey> Tests,
    IReadOnlyList<string> Sources,
    string Filter,
    TimeSpan ExpectedDuration)
{
    private readonly int? _expectedResults;

    /// <summary>Results the unit should report: one per discovered case, so theory rows count one by one.</summary>
    public int ExpectedResults
    {
        get => _expectedResults ?? Tests.Count;
        init => _expectedResults = value;
    }

    /// <summary>What runs the unit; a unit never mixes runners.</summary>
    public TestRunnerKind Runner { get; init; }

    /// <summary>For a Microsoft.Testing.Platform unit, the ids of every case of <see cref="Tests"/>.</summary>
    public IReadOnlyList<TestCaseId> CaseIds { get; init; } = [];

    /// <summary>Every discovered case of <see cref="Tests"/> the platform gave an id: each one without a result is reported as not run on its own.</summary>
    public IReadOnlyList<TestCaseRow> Rows { get; init; } = [];
}
