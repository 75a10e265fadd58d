using Orchestrator.Coverage;
using Orchestrator.History;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>A run's results merged across units, attempts and repetitions, per layer, with the verdict.</summary>
/// <param name="Record">The run as recorded (texts redacted).</param>
/// <param name="Layers">Layers in report order.</param>
/// <param name="Verdict">Counts and exit code over every layer.</param>
/// <param name="Warnings">Problems met while merging (an unreadable TRX file, …), redacted.</param>
internal sealed record MergedRun(RunRecord Record, IReadOnlyList<LayerResults> Layers, RunVerdict Verdict, IReadOnlyList<string> Warnings)
{
    /// <summary>The units' coverage merged per layer and for the run; null when no unit measured coverage.</summary>
    public CoverageReport? Coverage { get; init; }

    /// <summary>
    /// Failed and flaky tests that failed because another unit shared their container, found once by the merger for the
    /// verdict and every report (see <see cref="SharedContainerFailures"/>).
    /// </summary>
    internal IReadOnlyList<SharedContainerFailure> SharedFailures { get; init; } = [];

    /// <summary>
    /// Whether <paramref name="test"/> failed only because another unit shared its container and passed with one of its own:
    /// an isolation problem, counted as failed in the verdict and in every report rather than as flaky.
    /// </summary>
    internal bool IsIsolationProblem(MergedTest test) =>
        test.Outcome == TestOutcome.Flaky && !test.Quarantined && SharedFailures.Any(failure => failure.Test.Equals(test));

    /// <summary>The layer as its TRX and JUnit files write it: each isolation problem a failed test, as the verdict counts it.</summary>
    internal LayerResults AsReported(LayerResults layer) =>
        layer.Verdict.IsolationProblems == 0
            ? layer
            : layer with { Tests = [.. layer.Tests.Select(test => IsIsolationProblem(test) ? test with { Outcome = TestOutcome.Failed } : test)] };

    /// <summary>The failing and flaky tests' recorded history: new failures, known flaky ones; empty without a history store.</summary>
    public IReadOnlyList<TestRunHistory> History { get; init; } = [];

    public IEnumerable<MergedTest> Tests => Layers.SelectMany(layer => layer.Tests);

    /// <summary>Highest repetition count of the run (1 when the selection ran once).</summary>
    public int Repetitions => Record.Units.Count == 0 ? 1 : Record.Units.Max(unit => unit.Repetition) + 1;
}
