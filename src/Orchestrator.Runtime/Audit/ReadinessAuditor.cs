using Orchestrator.Pipeline;
using Orchestrator.Reporting;

namespace Orchestrator.Audit;

/// <summary>The <c>orchestrator audit</c> library API: answer the readiness questions for a workspace, and write the answers beside the reports.</summary>
public static class ReadinessAuditor
{
    /// <param name="recentRuns">Outcomes of the suite's latest runs, oldest first; null when no history is at hand (the consecutive-runs question is then unknown).</param>
    public static async Task<AuditReport> AuditAsync(Workspace workspace, IReadOnlyList<RecentRun>? recentRuns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var facts = await AuditFactsReader.ReadAsync(workspace, recentRuns, today, ct);
        return ReadinessAudit.Evaluate(facts);
    }

    /// <summary>Writes <c>audit.md</c> and <c>audit.json</c> into <paramref name="directory"/>, where the HTML report links to them.</summary>
    public static async Task WriteAsync(AuditReport report, string directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ResultsDirectory.Adopt(directory);
        await AtomicFile.WriteTextAsync(Path.Combine(directory, AuditText.MarkdownFileName), AuditText.Markdown(report), ct);
        await AtomicFile.WriteTextAsync(Path.Combine(directory, AuditText.JsonFileName), AuditText.Json(report) + "\n", ct);
    }
}
