namespace Orchestrator.Results;

/// <summary>A selected test of <c>run --repeat N</c> as <c>run.json</c> keeps it: its verdict and its results mode by mode.</summary>
/// <param name="Test">The test's display name.</param>
/// <param name="Verdict">What its modes together say (an isolation problem when it failed only alongside).</param>
/// <param name="Modes">Its results in each mode.</param>
public sealed record RepeatedTest(string Test, RepetitionVerdict Verdict, IReadOnlyList<RepeatedTestMode> Modes);

/// <summary>One mode's repetitions of a test: passes, total, durations and distinct failures.</summary>
public sealed record RepeatedTestMode(RepetitionMode Mode, int Passed, int Total, TimeSpan Median, TimeSpan P95, TimeSpan Max, IReadOnlyList<RepetitionFailure> Failures);
