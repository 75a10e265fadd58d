using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>Facts about how a unit process ended, from which its <see cref="Results.UnitExit"/> is decided.</summary>
/// <param name="ExitCode">Process exit code; null when it never started.</param>
/// <param name="Cancelled">The run was cancelled and the process tree killed.</param>
/// <param name="TimedOut">The unit timeout fired and the process tree was killed.</param>
/// <param name="Output">What was kept of the console output.</param>
/// <param name="TrxResults">The TRX file's results; null when there is no readable TRX.</param>
/// <param name="Elapsed">Wall time of the process.</param>
public sealed record UnitEnding(
    int? ExitCode,
    bool Cancelled,
    bool TimedOut,
    UnitOutput Output,
    IReadOnlyList<TestCaseResult>? TrxResults,
    TimeSpan Elapsed)
{
    /// <summary>The test the watchdog found running past the hang timeout, for which it killed the unit.</summary>
    public string? HungTest { get; init; }

    /// <summary>A test a host started and never finished: what it was running when it died.</summary>
    public string? UnfinishedTest { get; init; }
}
