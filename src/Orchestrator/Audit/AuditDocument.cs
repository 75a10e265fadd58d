namespace Orchestrator.Audit;

/// <summary>An audit as <c>audit --json</c> and <c>audit.json</c> write it: answers as <c>yes</c>, <c>no</c>, <c>unknown</c>.</summary>
internal sealed record AuditDocument(string Configuration, ScoreDocument Score, IReadOnlyList<AuditItemDocument> Items, IReadOnlyList<TeamQuestion> ForTheTeam)
{
    public static AuditDocument Of(AuditReport report) => new(
        report.ConfigurationPath,
        new ScoreDocument(report.Yes, report.Answerable, report.Unknown),
        [.. report.Items.Select(item => new AuditItemDocument(item.Id, item.Question, AuditText.Answer(item.Answer), item.Finding,
            [.. item.Evidence.Select(evidence => new EvidenceDocument(evidence.Detail, evidence.File, evidence.Line))], item.Fix))],
        report.ForTheTeam);
}

internal sealed record ScoreDocument(int Yes, int Answerable, int Unknown);

internal sealed record AuditItemDocument(string Id, string Question, string Answer, string Finding, IReadOnlyList<EvidenceDocument> Evidence, string? Fix);

internal sealed record EvidenceDocument(string Detail, string? File, int? Line);
