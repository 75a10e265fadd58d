using Orchestrator.Audit;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class SecretsQuestionTests
{
    private const string PerRunSecret = """
        {
          "resources": {
            "db": { "kind": "postgres", "image": "postgres:16.4", "environment": { "POSTGRES_PASSWORD": "{secret}" } }
          }
        }
        """;

    [Fact]
    public void Clear_text_secrets_are_no_with_their_file_and_line()
    {
        var facts = AuditSample.Facts(PerRunSecret) with
        {
            SettingFiles = ["orchestrator.json", "tests/App.Tests/appsettings.json"],
            Secrets = [new ClearTextSecret("tests/App.Tests/appsettings.json", 4, "Password")],
        };

        var item = SecretsQuestion.Evaluate(facts);

        Assert.Equal(AuditAnswer.No, item.Answer);
        Assert.Equal("1 clear-text secret in the 2 settings files.", item.Finding);
        Assert.Equal("tests/App.Tests/appsettings.json:4", item.Evidence[0].Location);
        Assert.Equal("'Password' is written in clear", item.Evidence[0].Detail);
        Assert.Contains("rotate", item.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_clear_text_secrets_it_is_yes_and_states_that_the_run_masks_its_own_secrets_where_a_resource_takes_one()
    {
        var item = SecretsQuestion.Evaluate(AuditSample.Facts(PerRunSecret) with { SettingFiles = ["orchestrator.json"] });

        Assert.Equal(AuditAnswer.Yes, item.Answer);
        var perRun = Assert.Single(item.Evidence, evidence => evidence.Detail.Contains("{secret}", StringComparison.Ordinal));
        Assert.Equal((AuditSample.ConfigurationFile, AuditSample.LineOf(PerRunSecret, "\"db\"")), (perRun.File, perRun.Line));
        Assert.Contains("masked as ***", perRun.Detail, StringComparison.Ordinal);
        Assert.Contains(item.Evidence, evidence => evidence is { File: "orchestrator.json", Detail: "scanned" });
    }
}
