
namespace Orchestrator.Results;

/// <summary>One result of a test case in one unit process (an attempt of a repetition).</summary>
/// <param name="Unit">The process that produced the result.</param>
/// <param name="Result">The result, its texts already redacted.</param>
public sealed record TestAttempt(UnitRun Unit, TestCaseResult Result);
