using Orchestrator.Model;
using Orchestrator.Results.Trx;

namespace Orchestrator.Results;

/// <summary>
/// One result of a test case, as every unit runner hands it on: read from a unit's TRX file (a <c>UnitTestResult</c>
/// joined with its <c>UnitTest</c> definition) or from the results it streamed, and written into the TRX and JUnit reports.
/// </summary>
/// <param name="Key">Assembly (code base file name without extension) and <c>className.name</c> of the test method.</param>
/// <param name="DisplayName">The framework's display name (<c>testName</c>), e.g. <c>Ns.Class.Method(x: 1)</c>.</param>
/// <param name="Outcome">The result's outcome.</param>
/// <param name="Duration">Duration the framework measured.</param>
/// <param name="StartTime">Start of the test, when written.</param>
/// <param name="EndTime">End of the test, when written.</param>
/// <param name="ErrorMessage">Failure or skip message.</param>
/// <param name="StackTrace">Failure stack trace.</param>
/// <param name="StdOut">Standard output captured for the test.</param>
/// <param name="StdErr">Standard error captured for the test.</param>
/// <param name="ComputerName">Machine that ran the test.</param>
/// <param name="ExecutionId">Id of this execution (unique per result).</param>
/// <param name="TestId">Id of the test definition (stable for a test case across runs).</param>
/// <param name="Definition">Where the test lives and which adapter ran it.</param>
public sealed record TestCaseResult(
    TestKey Key,
    string DisplayName,
    TrxOutcome Outcome,
    TimeSpan Duration,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string? ErrorMessage,
    string? StackTrace,
    string? StdOut,
    string? StdErr,
    string? ComputerName,
    string ExecutionId,
    string TestId,
    TrxTestDefinition Definition);
