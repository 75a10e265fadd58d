using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>Words for why a selected test has no result, from how its unit process ended.</summary>
internal static class NotRunReasons
{
    public static string For(UnitRun unit)
    {
        var cause = unit.Exit switch
        {
            UnitExit.Crashed => "test host crashed",
            UnitExit.Hung => "a test hung and the test host was killed",
            UnitExit.TimedOut => "the unit exceeded its timeout and was killed",
            UnitExit.Cancelled => "the run was cancelled",
            UnitExit.NotStarted => "the unit could not start",
            UnitExit.TestsFailed or UnitExit.Passed => "the test process reported no result for it",
            _ => unit.Exit.ToString(),
        };
        return string.IsNullOrWhiteSpace(unit.ExitDetail) ? $"not run: {cause}" : $"not run: {cause} ({unit.ExitDetail})";
    }
}
