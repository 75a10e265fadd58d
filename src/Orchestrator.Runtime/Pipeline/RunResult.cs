using Orchestrator.Coverage;
using Orchestrator.History;
using Orchestrator.Results;
using Orchestrator.Reporting;

namespace Orchestrator.Pipeline;

/// <summary>What a finished run published: its record, the verdict every report states, and the merge's wall time.</summary>
/// <param name="Record">The published record (<c>run.json</c>).</param>
/// <param name="Verdict">Counts and exit code, as the reports say.</param>
/// <param name="Tests">Every selected test with its attempts, as merged into the reports.</param>
/// <param name="Selection">What the selection check said (an empty selection or shard), when it said anything.</param>
/// <param name="MergeTime">Wall time of publishing and merging.</param>
public sealed record RunResult(RunRecord Record, RunVerdict Verdict, IReadOnlyList<MergedTest> Tests, RunProblem? Selection, TimeSpan MergeTime)
{
    /// <summary>Tests that failed because other tests shared their container or their unit: isolation problems, not flaky tests.</summary>
    public IReadOnlyList<IsolationProblem> IsolationProblems { get; init; } = [];

    /// <summary>Each mode of <c>--repeat</c> that <c>--until-fail</c> stopped early, in a sentence with the failure that stopped it.</summary>
    public IReadOnlyList<string> RepetitionStops { get; init; } = [];

    /// <summary>The failing and flaky tests set against the history: new failures, known flaky ones.</summary>
    public IReadOnlyList<TestRunHistory> History { get; init; } = [];

    /// <summary>The merged coverage, when units measured it.</summary>
    public CoverageReport? Coverage { get; init; }
}
