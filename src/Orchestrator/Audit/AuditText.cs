using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orchestrator.Reporting;

namespace Orchestrator.Audit;

/// <summary>An audit as text: the console's lines, <c>audit.md</c>, and JSON for tools (<c>audit.json</c>, <c>audit --json</c>).</summary>
public static class AuditText
{
    public const string MarkdownFileName = "audit.md";
    public const string JsonFileName = "audit.json";

    public static string Answer(AuditAnswer answer) => answer switch
    {
        AuditAnswer.Yes => "yes",
        AuditAnswer.No => "no",
        _ => "unknown",
    };

    public static string Headline(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Readiness score {report.Score}: yes to {report.Yes} of the {report.Answerable} questions the audit could answer.";
    }

    /// <summary>JSON with quotes and apostrophes as they are, for people reading it as well as tools.</summary>
    public static string Json(AuditReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(json, AuditDocument.Of(report), AuditJsonContext.Default.AuditDocument);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One block per question: the answer and question, the finding, each piece of evidence with its place, the fix.</summary>
    public static string Console(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("Readiness audit of ").Append(report.ConfigurationPath).Append('\n');
        foreach (var item in report.Items)
        {
            text.Append('\n').Append(Answer(item.Answer).PadRight(8)).Append(item.Question).Append('\n');
            text.Append("        ").Append(item.Finding).Append('\n');
            foreach (var evidence in item.Evidence)
            {
                text.Append("        - ").Append(evidence.Location is { } location ? $"{location}: " : "").Append(evidence.Detail).Append('\n');
            }
            if (item.Fix is { } fix)
            {
                text.Append("        fix: ").Append(fix).Append('\n');
            }
        }
        text.Append("\nFor the team to answer (the tool cannot see these):\n");
        foreach (var question in report.ForTheTeam)
        {
            text.Append("  - ").Append(question.Question).Append('\n');
        }
        return text.Append('\n').Append(Headline(report)).Append('\n').ToString();
    }

    public static string Markdown(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# Integration-testing readiness audit\n\n");
        text.Append("**").Append(MarkdownText.Cell(Headline(report), 1000)).Append("**\n\n");
        text.Append("Configuration: ").Append(MarkdownText.Code(report.ConfigurationPath)).Append("\n\n");
        text.Append("| Question | Answer | Finding |\n| --- | --- | --- |\n");
        foreach (var item in report.Items)
        {
            text.Append("| ").Append(MarkdownText.Cell(item.Question)).Append(" | **").Append(Answer(item.Answer)).Append("** | ").Append(MarkdownText.Cell(item.Finding)).Append(" |\n");
        }
        foreach (var item in report.Items)
        {
            text.Append("\n## ").Append(MarkdownText.Cell(item.Question, 1000)).Append(" — ").Append(Answer(item.Answer)).Append("\n\n");
            text.Append(MarkdownText.Cell(item.Finding, 1000)).Append("\n\n");
            foreach (var evidence in item.Evidence)
            {
                text.Append("- ").Append(evidence.Location is { } location ? MarkdownText.Code(location) + ": " : "").Append(MarkdownText.Cell(evidence.Detail, 1000)).Append('\n');
            }
            if (item.Fix is { } fix)
            {
                text.Append(item.Evidence.IsEmpty ? "" : "\n").Append("**Fix:** ").Append(MarkdownText.Cell(fix, 1000)).Append('\n');
            }
        }
        text.Append("\n## For the team to answer\n\nThe tool cannot see these; answer them in the team's own assessment.\n\n");
        foreach (var question in report.ForTheTeam)
        {
            text.Append("- ").Append(MarkdownText.Cell(question.Question, 1000)).Append(" _(").Append(MarkdownText.Cell(question.Why, 1000)).Append(")_\n");
        }
        return text.ToString();
    }
}
