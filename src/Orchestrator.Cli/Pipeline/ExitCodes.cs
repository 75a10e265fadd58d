namespace Orchestrator.Cli.Pipeline;

/// <summary>What the process exit code says.</summary>
internal static class ExitCodes
{
    /// <summary>Every selected test passed (or was flaky / quarantined under the policy).</summary>
    public const int Success = 0;

    /// <summary>A test failed, was not run, or the run was incomplete.</summary>
    public const int TestsFailed = 1;

    /// <summary><c>doctor</c> found an error: a run could not start until it is fixed.</summary>
    public const int ChecksFailed = 1;

    /// <summary>Nothing ran: bad input (configuration, arguments) or resources that cannot be provided.</summary>
    public const int CannotStart = 2;

    /// <summary>A bug in the orchestrator: an error it did not expect; the message asks for a report.</summary>
    public const int InternalError = 3;

    /// <summary>Stopped by Ctrl+C or SIGTERM before anything was merged.</summary>
    public const int Cancelled = 130;
}
