namespace Orchestrator.Results;

/// <summary>How a unit's <c>dotnet test</c> process ended.</summary>
public enum UnitExit
{
    /// <summary>Exit code 0: every test it ran passed or was skipped.</summary>
    Passed,

    /// <summary>The process completed and reported failed tests.</summary>
    TestsFailed,

    /// <summary>The test host crashed (tests after the crash have no result).</summary>
    Crashed,

    /// <summary>A test exceeded the hang timeout and the host was killed.</summary>
    Hung,

    /// <summary>The unit exceeded its overall timeout and was killed.</summary>
    TimedOut,

    /// <summary>The run was cancelled (Ctrl+C / SIGTERM) while the unit ran or before it started.</summary>
    Cancelled,

    /// <summary>The unit could not start: its resources failed, or the process could not be launched.</summary>
    NotStarted,
}
