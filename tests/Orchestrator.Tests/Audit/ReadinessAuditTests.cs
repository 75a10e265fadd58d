using System.Text.Json;
using Orchestrator.Audit;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class ReadinessAuditTests
{
    private const string Configuration = """
        {
          "resources": {
            "db": { "kind": "postgres", "image": "postgres:latest" }
          }
        }
        """;

    [Fact]
    public void The_score_counts_yes_among_the_questions_answered_yes_or_no()
    {
        var report = ReadinessAudit.Evaluate(AuditSample.Facts(Configuration) with { TestProjects = ["tests/App.Tests"], SourceFiles = 2, SettingFiles = ["orchestrator.json"] });

        var answers = report.Items.ToDictionary(item => item.Id, item => item.Answer);
        Assert.Equal(AuditAnswer.Unknown, answers[LayerTaggingQuestion.Id]);
        Assert.Equal(AuditAnswer.Yes, answers[StateIsolationQuestion.Id]);
        Assert.Equal(AuditAnswer.Unknown, answers[ConsecutiveRunsQuestion.Id]);
        Assert.Equal(AuditAnswer.Yes, answers[TestWaitsQuestion.Id]);
        Assert.Equal(AuditAnswer.No, answers[ImagePinningQuestion.Id]);
        Assert.Equal(AuditAnswer.Yes, answers[SecretsQuestion.Id]);
        Assert.Equal(AuditAnswer.Unknown, answers[ProductionVersionsQuestion.Id]);
        Assert.Equal(AuditAnswer.Yes, answers[FlakyOwnershipQuestion.Id]);
        Assert.Equal((4, 5, 3), (report.Yes, report.Answerable, report.Unknown));
        Assert.Equal("4/5 (3 unknown)", report.Score);
    }

    [Fact]
    public void The_questions_the_tool_cannot_answer_are_listed_for_the_team()
    {
        var report = ReadinessAudit.Evaluate(AuditSample.Facts());

        Assert.Contains(report.ForTheTeam, question => question.Id == "service-contracts");
        Assert.Contains(report.ForTheTeam, question => question.Id == "performance-budgets");
        Assert.Contains("For the team to answer", AuditText.Markdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_gives_the_score_and_each_item_with_its_answer_evidence_and_fix()
    {
        var report = ReadinessAudit.Evaluate(AuditSample.Facts(Configuration));

        using var json = JsonDocument.Parse(AuditText.Json(report));

        var root = json.RootElement;
        Assert.Equal("orchestrator.json", root.GetProperty("configuration").GetString());
        Assert.Equal(report.Yes, root.GetProperty("score").GetProperty("yes").GetInt32());
        Assert.Equal(report.Answerable, root.GetProperty("score").GetProperty("answerable").GetInt32());
        var images = root.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("id").GetString() == ImagePinningQuestion.Id);
        Assert.Equal("no", images.GetProperty("answer").GetString());
        var evidence = images.GetProperty("evidence").EnumerateArray().Single();
        Assert.Equal("orchestrator.json", evidence.GetProperty("file").GetString());
        Assert.Equal(AuditSample.LineOf(Configuration, "postgres:latest"), evidence.GetProperty("line").GetInt32());
        Assert.Equal("'postgres:latest' of 'db' is latest", evidence.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(images.GetProperty("fix").GetString()));
        Assert.Equal(report.ForTheTeam.Length, root.GetProperty("forTheTeam").GetArrayLength());
    }

    [Fact]
    public void The_markdown_tables_every_answer_and_gives_each_evidence_its_place()
    {
        var markdown = AuditText.Markdown(ReadinessAudit.Evaluate(AuditSample.Facts(Configuration)));

        Assert.Contains("| Are service images pinned (a digest or an exact version, never latest)? | **no** |", markdown, StringComparison.Ordinal);
        Assert.Contains($"- `orchestrator.json:{AuditSample.LineOf(Configuration, "postgres:latest")}`: 'postgres:latest' of 'db' is latest", markdown, StringComparison.Ordinal);
    }
}
