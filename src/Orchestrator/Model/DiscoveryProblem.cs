namespace Orchestrator.Model;

/// <summary>A problem found during discovery, with the culprit and how to fix it.</summary>
/// <param name="Severity">Errors fail the run at the end; warnings are reported and counted.</param>
/// <param name="Subject">The culprit: a test, an assembly or a project path.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record DiscoveryProblem(ProblemSeverity Severity, string Subject, string Message);
