namespace Orchestrator.Audit;

/// <summary>One fact behind an answer: what was seen, and where when it has a place (a file, and a line in it).</summary>
public sealed record AuditEvidence(string Detail, string? File = null, int? Line = null)
{
    /// <summary><c>file:line</c>, <c>file</c>, or null for a fact without a place.</summary>
    public string? Location => (File, Line) switch
    {
        (null, _) => null,
        ({ } file, { } line) => $"{file}:{line.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ({ } file, null) => file,
    };
}
