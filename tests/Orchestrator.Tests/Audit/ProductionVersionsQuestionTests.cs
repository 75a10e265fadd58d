using Orchestrator.Audit;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class ProductionVersionsQuestionTests
{
    [Fact]
    public void The_configuration_reads_the_version_production_runs()
    {
        var facts = AuditSample.Facts("""{ "resources": { "db": { "kind": "postgres", "image": "postgres:16.4", "production": "16.4" } } }""");

        Assert.Equal("16.4", facts.Configuration.Resources["db"].Production);
    }

    [Fact]
    public void Without_a_declared_production_version_the_answer_is_unknown_and_the_fix_names_the_key()
    {
        var item = ProductionVersionsQuestion.Evaluate(AuditSample.Facts("""{ "resources": { "db": { "kind": "postgres", "image": "postgres:16.4" } } }"""));

        Assert.Equal(AuditAnswer.Unknown, item.Answer);
        Assert.Contains("\"production\": \"16.4\"", item.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_of_production_s_version_or_a_patch_of_it_is_yes()
    {
        const string json = """
            {
              "resources": {
                "db": { "kind": "postgres", "image": "postgres:16.4.2-alpine", "production": "16.4" },
                "cache": { "kind": "redis", "image": "redis:7.2.5", "production": "7.2.5" }
              }
            }
            """;

        var item = ProductionVersionsQuestion.Evaluate(AuditSample.Facts(json));

        Assert.Equal(AuditAnswer.Yes, item.Answer);
    }

    [Fact]
    public void Another_version_than_production_s_is_no_at_the_production_line()
    {
        const string json = """
            {
              "resources": {
                "db": {
                  "kind": "postgres",
                  "image": "postgres:15.8",
                  "production": "16.4"
                }
              }
            }
            """;

        var item = ProductionVersionsQuestion.Evaluate(AuditSample.Facts(json));

        Assert.Equal(AuditAnswer.No, item.Answer);
        var evidence = Assert.Single(item.Evidence);
        Assert.Equal("'postgres:15.8' of 'db' is 15.8, production runs 16.4", evidence.Detail);
        Assert.Equal(AuditSample.LineOf(json, "\"production\""), evidence.Line);
    }

    [Fact]
    public void Matching_declared_versions_with_a_resource_that_declares_none_stay_unknown()
    {
        const string json = """
            {
              "resources": {
                "db": { "kind": "postgres", "image": "postgres:16.4", "production": "16.4" },
                "cache": { "kind": "redis", "image": "redis:7.2.5" }
              }
            }
            """;

        var item = ProductionVersionsQuestion.Evaluate(AuditSample.Facts(json));

        Assert.Equal(AuditAnswer.Unknown, item.Answer);
        Assert.Equal("The declared versions match; 'cache' declares none.", item.Finding);
    }
}
