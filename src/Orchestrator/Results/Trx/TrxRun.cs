namespace Orchestrator.Results.Trx;

/// <summary>What one TRX file says: its results joined with their definitions, and the run's own output.</summary>
/// <param name="Path">The file that was read.</param>
/// <param name="Start">The run's <c>Times/@start</c>, when written.</param>
/// <param name="Finish">The run's <c>Times/@finish</c>, when written.</param>
/// <param name="Outcome">The <c>ResultSummary/@outcome</c> as written (e.g. <c>Failed</c>, <c>Completed</c>), or null.</param>
/// <param name="Results">Every top-level result, in file order.</param>
/// <param name="RunOutput">The run's standard output (<c>ResultSummary/Output/StdOut</c>).</param>
/// <param name="RunMessages">The run's informational messages (<c>RunInfos</c>), e.g. a test host crash.</param>
internal sealed record TrxRun(
    string Path,
    DateTimeOffset? Start,
    DateTimeOffset? Finish,
    string? Outcome,
    IReadOnlyList<TestCaseResult> Results,
    string? RunOutput,
    IReadOnlyList<string> RunMessages);
