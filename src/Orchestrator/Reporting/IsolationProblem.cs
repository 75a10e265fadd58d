namespace Orchestrator.Reporting;

/// <summary>A test that failed because another unit shared its container, as the console and scripts see it.</summary>
/// <param name="Test">The test's display name.</param>
/// <param name="PassedOnRerun">True when a re-run passed (the run would otherwise call it flaky).</param>
/// <param name="Explanation">The evidence and the fix, as the reports give them.</param>
public sealed record IsolationProblem(string Test, bool PassedOnRerun, string Explanation);
