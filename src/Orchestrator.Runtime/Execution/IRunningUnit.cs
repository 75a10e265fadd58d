namespace Orchestrator.Execution;

/// <summary>A unit's tests while they run: a <c>dotnet test</c> process of its own, or a run on a long-lived <c>vstest.console</c>.</summary>
internal interface IRunningUnit : IDisposable
{
    /// <summary>The process that runs the unit, for progress: its <c>dotnet test</c>, or the console serving it.</summary>
    int ProcessId { get; }

    /// <summary>The process that is the unit's alone, killed with its tree when the unit ends; null when it shares the console.</summary>
    int? OwnProcessId { get; }

    /// <summary>Whether a zero <see cref="EndAsync"/> already says that no test failed (true of <c>dotnet test</c>'s exit code).</summary>
    bool ExitCodeCountsFailures { get; }

    /// <summary>Stops the unit's tests (cancellation, timeout, a hang); the run then ends soon.</summary>
    void Kill();

    /// <summary>Waits for the end; the exit code, or null when the process had to be killed again.</summary>
    Task<int?> EndAsync();
}
