namespace Orchestrator.Model;

/// <summary>Every discovered test of a solution, plus what went wrong while discovering them.</summary>
public sealed record TestInventory(IReadOnlyList<DiscoveredTest> Tests, IReadOnlyList<DiscoveryProblem> Problems)
{
    public static TestInventory Empty { get; } = new([], []);

    /// <summary>True when a problem makes the inventory incomplete, so a run built on it must fail at the end.</summary>
    public bool IsIncomplete => Problems.Any(problem => problem.Severity == ProblemSeverity.Error);
}
