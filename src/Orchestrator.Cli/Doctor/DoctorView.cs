namespace Orchestrator.Cli.Doctor;

/// <summary>Prints findings one a line: <c>ok|warning|error &lt;what&gt;: &lt;detail&gt;</c>, a problem's fix after it.</summary>
internal static class DoctorView
{
    public static string Line(DoctorFinding finding)
    {
        var severity = finding.Severity switch
        {
            FindingSeverity.Ok => "ok",
            FindingSeverity.Warning => "warning",
            _ => "error",
        };
        var fix = finding.Fix is { Length: > 0 } how ? $" Fix: {how}" : "";
        return $"{severity} {finding.Subject}: {finding.Detail}{fix}";
    }

    public static async Task WriteAsync(IEnumerable<DoctorFinding> findings, TextWriter output)
    {
        foreach (var finding in findings)
        {
            await output.WriteLineAsync(Line(finding));
        }
    }
}
