namespace Orchestrator.Reporting.Ci;

/// <summary>A line of a source file, as a failure annotation points at it.</summary>
/// <param name="File">Path relative to the repository when the file lies in it, with <c>/</c> separators; else as found.</param>
/// <param name="Line">1-based line number.</param>
public sealed record SourceLocation(string File, int Line);
