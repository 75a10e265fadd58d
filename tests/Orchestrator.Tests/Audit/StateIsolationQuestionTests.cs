using Orchestrator.Audit;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class StateIsolationQuestionTests
{
    [Fact]
    public void Dedicated_servers_built_in_namespaces_a_setup_command_and_one_unit_at_a_time_all_keep_units_apart()
    {
        const string json = """
            {
              "resources": {
                "db": { "kind": "postgres", "image": "postgres:16.4" },
                "shared-db": { "kind": "postgres", "image": "postgres:16.4", "isolation": "shared" },
                "queue": { "kind": "rabbitmq", "image": "rabbitmq:3.13" },
                "search": { "kind": "generic", "image": "search:1.2", "isolation": { "mode": "shared", "setup": ["create-index", "{namespace}"] } },
                "mail": { "kind": "generic", "image": "mail:2.0", "concurrency": 1 }
              }
            }
            """;

        var item = StateIsolationQuestion.Evaluate(AuditSample.Facts(json));

        Assert.Equal(AuditAnswer.Yes, item.Answer);
        Assert.Contains(item.Evidence, evidence => evidence.Detail == "'db': a server of its own for each unit (dedicated)" && evidence.Line == AuditSample.LineOf(json, "\"db\""));
        Assert.Contains(item.Evidence, evidence => evidence.Detail == "'shared-db': a database per unit on a shared server" && evidence.Line == AuditSample.LineOf(json, "\"shared-db\""));
        Assert.Contains(item.Evidence, evidence => evidence.Detail == "'search': a namespace per unit, created by its isolation setup");
        Assert.Contains(item.Evidence, evidence => evidence.Detail == "'mail': one unit at a time (concurrency 1)");
    }

    [Fact]
    public void A_shared_server_without_a_namespace_is_no_at_its_line_with_the_fix()
    {
        const string json = """
            {
              "resources": {
                "db": { "kind": "postgres", "image": "postgres:16.4" },
                "search": {
                  "kind": "generic",
                  "image": "search:1.2",
                  "isolation": "shared"
                }
              }
            }
            """;

        var item = StateIsolationQuestion.Evaluate(AuditSample.Facts(json));

        Assert.Equal(AuditAnswer.No, item.Answer);
        Assert.Equal("'search' shares one server among units running at the same time without a namespace.", item.Finding);
        var shared = Assert.Single(item.Evidence, evidence => evidence.Detail.StartsWith("'search'", StringComparison.Ordinal));
        Assert.Equal((AuditSample.ConfigurationFile, AuditSample.LineOf(json, "\"isolation\": \"shared\"")), (shared.File, shared.Line));
        Assert.Contains("\"isolation\": \"dedicated\"", item.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_container_resources_the_answer_is_unknown_and_external_ones_are_named_as_not_judged()
    {
        var item = StateIsolationQuestion.Evaluate(AuditSample.Facts("""{ "resources": { "db": { "kind": "external" } } }"""));

        Assert.Equal(AuditAnswer.Unknown, item.Answer);
        Assert.Contains("not judged", Assert.Single(item.Evidence).Detail, StringComparison.Ordinal);
        Assert.NotNull(item.Fix);
    }
}
