namespace Orchestrator.Results.Trx;

/// <summary>
/// What one <c>UnitTestResult</c> element says, as read: its definition follows it in the file, so the
/// result is joined and parsed once the whole file is read.
/// </summary>
internal sealed record TrxResultElement(
    string? TestId,
    string? TestName,
    string? Outcome,
    string? Duration,
    string? StartTime,
    string? EndTime,
    string? ComputerName,
    string? ExecutionId,
    string? ErrorMessage,
    string? StackTrace,
    string? StdOut,
    string? StdErr);
