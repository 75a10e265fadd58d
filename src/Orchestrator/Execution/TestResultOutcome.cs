namespace Orchestrator.Execution;

/// <summary>Outcome of one test result of one process, as the logger or its TRX reports it.</summary>
public enum TestResultOutcome
{
    None,
    Passed,
    Failed,
    Skipped,
    NotFound,
}
