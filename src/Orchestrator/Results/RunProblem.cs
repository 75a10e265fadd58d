using Orchestrator.Model;

namespace Orchestrator.Results;

/// <summary>
/// A problem outside any single test that the reports must state: a test naming an undefined resource, a project
/// whose build output is missing, a discovery crash, a selection with no test. An error fails the run, whatever the
/// tests did, so that every report tells the same truth as the exit code.
/// </summary>
/// <param name="Severity">Errors fail the run; warnings are listed.</param>
/// <param name="Subject">The culprit: a test, an assembly, a project path, a cadence.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RunProblem(ProblemSeverity Severity, string Subject, string Message)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    public static RunProblem From(DiscoveryProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new RunProblem(problem.Severity, problem.Subject, problem.Message);
    }
}
