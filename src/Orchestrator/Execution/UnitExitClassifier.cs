using System.Globalization;
using Orchestrator.Configuration;
using Orchestrator.Results;
using Orchestrator.Results.Trx;

namespace Orchestrator.Execution;

/// <summary>Decides honestly how a unit ended and says the cause in words.</summary>
internal static class UnitExitClassifier
{
    public static (UnitExit Exit, string Detail) Classify(UnitEnding ending, TimeoutSettings timeouts)
    {
        ArgumentNullException.ThrowIfNull(ending);
        ArgumentNullException.ThrowIfNull(timeouts);
        var elapsed = Seconds(ending.Elapsed);
        if (ending.Cancelled)
        {
            return (UnitExit.Cancelled, $"Run cancelled after {elapsed}; the process tree was killed.");
        }
        if (ending.HungTest is { } hung)
        {
            return (UnitExit.Hung, $"The test {hung} ran longer than the hang timeout of {Seconds(timeouts.TestHang)}, so the unit's process tree was killed; tests after it have no result. Raise timeouts.testHangSeconds if it is just slow.");
        }
        if (ending.TimedOut)
        {
            return (UnitExit.TimedOut, $"The unit exceeded its timeout of {Seconds(timeouts.Unit)} and its process tree was killed{RunningTest(ending)}. Raise timeouts.unitSeconds in orchestrator.json or split the unit.");
        }
        if (ending.Output.Contains("inactivity time"))
        {
            return (UnitExit.Hung, $"A test ran longer than the hang timeout of {Seconds(timeouts.TestHang)} and the test host was killed{RunningTest(ending)}.");
        }
        if (ending.Output.Contains("Test host process crashed") || ending.Output.Contains("The active test run was aborted") || ending.Output.Contains("Test Run Aborted"))
        {
            var reason = ending.Output.NotableLines.FirstOrDefault(line => line.Contains("aborted", StringComparison.OrdinalIgnoreCase)) ?? "Test run aborted.";
            return (UnitExit.Crashed, $"The test host crashed: {reason}{RunningTest(ending)}; tests after it have no result.");
        }
        var failed = ending.TrxResults?.Count(result => result.Outcome.IsFailure()) ?? 0;
        if (ending.ExitCode == 0)
        {
            return ending.TrxResults is null
                ? (UnitExit.Passed, "Exit code 0, but no TRX was written (no test matched the filter?).")
                : (UnitExit.Passed, $"{ending.TrxResults.Count} result(s), all passed or skipped.");
        }
        var code = ending.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none";
        if (ending.TrxResults is null)
        {
            return (UnitExit.Crashed, $"Exit code {code} and no TRX was written: {LastWords(ending)}");
        }
        if (ending.ExitCode == 1 && failed > 0)
        {
            return (UnitExit.TestsFailed, $"{failed} test result(s) failed.");
        }
        return (UnitExit.Crashed, $"Exit code {code} with {failed} failed result(s) in the TRX: {LastWords(ending)}");
    }

    /// <summary>
    /// The test the host was running, when its own output names it (VSTest's blame collector, or a planned test's method on
    /// the crash's stack); else only what is known: the last test start that reached the orchestrator, after which it ended.
    /// </summary>
    private static string RunningTest(UnitEnding ending) =>
        ending.Output.CrashingTest is { } named ? $" while running {named}"
        : CrashStack.TestIn(ending.Output.CrashFrames, ending.PlannedTests) is { } onStack ? $" while running {onStack} (its method is on the host's crash stack)"
        : ending.UnfinishedTest is { } started ? $" after {started} started (the last test start that reached the orchestrator; later starts may have been lost with the host)"
        : string.Empty;

    private static string LastWords(UnitEnding ending) => ending.Output.LastWords() is { Length: > 0 } words ? words : "the process printed nothing.";

    internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
