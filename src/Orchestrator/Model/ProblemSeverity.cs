namespace Orchestrator.Model;

public enum ProblemSeverity
{
    Warning,
    Error,
}
