using Orchestrator.Coverage;
using Orchestrator.History;
using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>What <see cref="ResultsReporter"/> wrote and concluded.</summary>
/// <param name="Verdict">Counts and exit code.</param>
/// <param name="Summary">The Markdown summary that was written.</param>
/// <param name="Files">Every report file written, full paths.</param>
/// <param name="Warnings">Problems that did not stop the reports (unreadable TRX, timings file), redacted.</param>
public sealed record ResultsReport(RunVerdict Verdict, string Summary, IReadOnlyList<string> Files, IReadOnlyList<string> Warnings)
{
    /// <summary>Every merged test case, each once, with its attempts (for CI annotations of the failures).</summary>
    public IReadOnlyList<MergedTest> Tests { get; init; } = [];

    /// <summary>Tests that failed because other tests shared their container or their unit (not flaky tests), in report order.</summary>
    public IReadOnlyList<IsolationProblem> IsolationProblems { get; init; } = [];

    /// <summary>Each mode <c>--until-fail</c> stopped early, in a sentence with the failure that stopped it.</summary>
    public IReadOnlyList<string> RepetitionStops { get; init; } = [];

    /// <summary>The merged coverage and its files; null when no unit measured coverage.</summary>
    public CoverageReport? Coverage { get; init; }

    /// <summary>The failing and flaky tests set against the history: new failures, known flaky ones.</summary>
    public IReadOnlyList<TestRunHistory> History { get; init; } = [];

    /// <summary>Why the history could not be read or written, when it could not (the run is not recorded); null otherwise.</summary>
    public string? HistoryWarning { get; init; }

    /// <summary>The units as stored under <c>units/</c>, in the record's order, their paths relative to the results directory.</summary>
    internal IReadOnlyList<UnitRun> Units { get; init; } = [];
}
