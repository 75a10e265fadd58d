using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>Facts about how a unit process ended, from which its <see cref="Results.UnitExit"/> is decided.</summary>
/// <param name="ExitCode">Process exit code; null when it never started.</param>
/// <param name="Cancelled">The run was cancelled and the process tree killed.</param>
/// <param name="TimedOut">The unit timeout fired and the process tree was killed.</param>
/// <param name="Output">What was kept of the console output.</param>
/// <param name="TrxResults">The TRX file's results; null when there is no readable TRX.</param>
/// <param name="Elapsed">Wall time of the process.</param>
internal sealed record UnitEnding(
    int? ExitCode,
    bool Cancelled,
    bool TimedOut,
    UnitOutput Output,
    IReadOnlyList<TestCaseResult>? TrxResults,
    TimeSpan Elapsed)
{
    /// <summary>The test the watchdog found running past the hang timeout, for which it killed the unit.</summary>
    public string? HungTest { get; init; }

    /// <summary>
    /// The last test whose start reached the orchestrator and that never finished. The host may have gone on to other
    /// tests whose starts were lost with it, so it is not necessarily the test that was running when the host died.
    /// </summary>
    public string? UnfinishedTest { get; init; }

    /// <summary>The tests the unit was asked to run: a crash's stack is searched for their methods.</summary>
    internal IReadOnlyList<Model.TestKey> PlannedTests { get; init; } = [];
}
