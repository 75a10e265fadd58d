namespace Orchestrator.Cli.Doctor;

/// <summary>One result of <c>orchestrator doctor</c>: what was checked, what was found, and for a problem how to fix it.</summary>
internal sealed record DoctorFinding(FindingSeverity Severity, string Subject, string Detail, string? Fix = null)
{
    public static DoctorFinding Ok(string subject, string detail) => new(FindingSeverity.Ok, subject, detail);

    public static DoctorFinding Warning(string subject, string detail, string fix) => new(FindingSeverity.Warning, subject, detail, fix);

    public static DoctorFinding Error(string subject, string detail, string fix) => new(FindingSeverity.Error, subject, detail, fix);
}
