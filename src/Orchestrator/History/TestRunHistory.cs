using Orchestrator.Results;

namespace Orchestrator.History;

/// <summary>The history of one test that failed or was flaky in a run, as the run's reports show it.</summary>
/// <param name="TestId">The case's identity across runs.</param>
/// <param name="Layer">Its layer.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Outcome">Its outcome in this run.</param>
/// <param name="Verdict">New failure, known flaky, …</param>
/// <param name="Recent">Its last outcomes with this run's last, oldest first (see <see cref="HistoryOutcome"/>).</param>
/// <param name="FlakyRate">Its flaky rate over the recorded window, this run included.</param>
/// <param name="Runs">Runs of the window that ran it, this run included.</param>
public sealed record TestRunHistory(string TestId, string Layer, string Name, TestOutcome Outcome, HistoryVerdict Verdict, string Recent, double FlakyRate, int Runs);
