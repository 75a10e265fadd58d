using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>Words for why a selected test has no result, from how its unit process ended.</summary>
internal static class NotRunReasons
{
    public static string For(UnitRun unit)
    {
        if (unit.ResultsError is { } unreadable)
        {
            // The process ran and reported; what is missing is the copy of its results that was given to merge.
            var process = string.IsNullOrWhiteSpace(unit.ExitDetail) ? "" : $"; the test process had reported: {unit.ExitDetail}";
            return $"not run: the stored results of its unit could not be read ({unreadable}){process}";
        }
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
