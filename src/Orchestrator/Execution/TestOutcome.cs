namespace Orchestrator.Execution;

/// <summary>Outcome of one test result as the logger or TRX reports it.</summary>
public enum TestOutcome
{
    None,
    Passed,
    Failed,
    Skipped,
    NotFound,
}
