using Orchestrator.Audit;
using Orchestrator.Model;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class LayerTaggingQuestionTests
{
    [Fact]
    public void Without_discovered_tests_the_answer_is_unknown_and_the_fix_is_to_build()
    {
        var item = LayerTaggingQuestion.Evaluate(AuditSample.Facts() with { InventoryMissing = "No test project manifests in /repo/artifacts." });

        Assert.Equal(AuditAnswer.Unknown, item.Answer);
        Assert.Equal("No test project manifests in /repo/artifacts.", item.Finding);
        Assert.Contains("orchestrator build", item.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_test_with_a_layer_from_a_trait_its_project_or_a_rule_is_yes_with_the_share_by_origin()
    {
        var facts = AuditSample.Facts() with
        {
            Inventory = AuditSample.Inventory(
                AuditSample.Test("A.One", TraitOrigin.Trait),
                AuditSample.Test("A.Two", TraitOrigin.Trait, "integration"),
                AuditSample.Test("A.Three", TraitOrigin.Project, "integration"),
                AuditSample.Test("A.Four", TraitOrigin.Rule, "e2e")),
        };

        var item = LayerTaggingQuestion.Evaluate(facts);

        Assert.Equal(AuditAnswer.Yes, item.Answer);
        Assert.Equal("4 of 4 tests (100 %) have a layer of their own (2 from a trait, 1 from a project, 1 from a rule).", item.Finding);
        Assert.Equal(["layer 'e2e': 1 tests", "layer 'integration': 2 tests", "layer 'unit': 1 tests"], item.Evidence.Select(evidence => evidence.Detail));
        Assert.Null(item.Fix);
    }

    [Fact]
    public void Tests_that_take_the_default_layer_are_no_with_their_project_as_evidence()
    {
        const string untagged = "/repo/tests/Legacy.Tests/Legacy.Tests.csproj";
        var facts = AuditSample.Facts() with
        {
            Inventory = AuditSample.Inventory(
                AuditSample.Test("A.Tagged", TraitOrigin.Trait),
                AuditSample.Test("Legacy.First", TraitOrigin.Default, project: untagged),
                AuditSample.Test("Legacy.Second", TraitOrigin.Default, project: untagged),
                AuditSample.Test("A.Ruled", TraitOrigin.Rule)),
        };

        var item = LayerTaggingQuestion.Evaluate(facts);

        Assert.Equal(AuditAnswer.No, item.Answer);
        Assert.Equal("2 of 4 tests (50 %) have a layer of their own (1 from a trait, 1 from a rule); 2 take the default layer 'unit'.", item.Finding);
        var evidence = Assert.Single(item.Evidence, evidence => evidence.File is not null);
        Assert.Equal(untagged, evidence.File);
        Assert.Equal("2 tests take the default layer 'unit', e.g. Legacy.First", evidence.Detail);
        Assert.Contains("[Trait(\"Category\", \"Integration\")]", item.Fix, StringComparison.Ordinal);
    }
}
