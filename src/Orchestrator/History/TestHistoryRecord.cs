using Orchestrator.Results;

namespace Orchestrator.History;

/// <summary>One test case's outcome in one run, as the history store keeps it.</summary>
/// <param name="Run">The run, with its commit, branch and machine.</param>
/// <param name="TestId">The case's identity across runs (the id its test platform gives it).</param>
/// <param name="Name">The case's display name.</param>
/// <param name="Layer">Layer of the unit that ran it.</param>
/// <param name="Unit">Unit that first ran it (without the re-run suffix).</param>
/// <param name="Partition">Partition of that unit.</param>
/// <param name="Outcome">Final outcome in the run.</param>
/// <param name="Attempts">Results it produced in the run (re-runs and repetitions included).</param>
/// <param name="Duration">Duration of its last attempt.</param>
/// <param name="FailureMessage">The last failure message, or why it did not run; null when it passed.</param>
public sealed record TestHistoryRecord(
    HistoryRun Run,
    string TestId,
    string Name,
    string Layer,
    string Unit,
    string Partition,
    TestOutcome Outcome,
    int Attempts,
    TimeSpan Duration,
    string? FailureMessage);
