using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Planning.Selection;
using Xunit;
using static Orchestrator.Tests.Planning.Inventories;

namespace Orchestrator.Tests.Planning.Selection;

[Trait("Category", "Unit")]
public sealed class TestSelectionTests
{
    private static readonly OrchestratorConfiguration _config = SliceCadence.AddTo(ConfigurationLoader.Parse(
        """
        { "resources": { "postgres": { "kind": "postgres", "image": "pg:15" }, "redis": { "kind": "redis", "image": "redis:7" } },
          "parallelism": { "packBelowSeconds": 0 } }
        """,
        "orchestrator.json"));

    private static readonly TestInventory _inventory = Of(
        Test("Shop.Tests.CheckoutTests.Pays_once", "integration", ["postgres"], "Shop.IntegrationTests"),
        Test("Shop.Tests.CheckoutTests.Caches_the_cart", "integration", ["redis"], "Shop.IntegrationTests"),
        Test("Shop.Tests.PriceTests.Rounds", "unit", assembly: "Shop.UnitTests"),
        Test("Shop.Tests.Flows.Buys", "e2e", ["postgres", "redis"], "Shop.EndToEndTests"));

    private static TestSelection Filter(string filter, params string[] projects) => new(TestFilter.Parse(filter), [.. projects]);

    [Fact]
    public void A_slice_runs_only_its_tests_in_any_layer_with_only_the_resources_they_need_and_counts_the_rest_as_outside_it()
    {
        var plan = Planner.Plan(_inventory, _config, SliceCadence.Name, TimingHistory.Empty, selection: Filter("FullyQualifiedName~Pays_once|Name=Buys"));

        Assert.Equal(["e2e-postgres+redis", "integration-postgres"], plan.Partitions.Select(partition => partition.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, plan.Exclusions.Count);
        Assert.All(plan.Exclusions, exclusion => Assert.Equal(ExclusionReason.OutsideSelection, exclusion.Reason));
        Assert.Contains("--filter 'FullyQualifiedName~Pays_once|Name=Buys'", plan.Exclusions[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layer_and_resources_the_orchestrator_resolved_are_filterable_like_traits_and_a_cadence_still_applies()
    {
        var byResource = Planner.Plan(_inventory, _config, SliceCadence.Name, TimingHistory.Empty, selection: Filter("Category=Integration&Resource=redis"));
        var withinCommit = Planner.Plan(_inventory, _config, "commit", TimingHistory.Empty, selection: Filter("Shop.Tests", "Shop.UnitTests"));

        Assert.Equal(["Shop.Tests.CheckoutTests.Caches_the_cart"], byResource.Units.SelectMany(unit => unit.Tests).Select(test => test.FullyQualifiedName));
        Assert.Equal(["Shop.Tests.PriceTests.Rounds"], withinCommit.Units.SelectMany(unit => unit.Tests).Select(test => test.FullyQualifiedName));
        Assert.Contains(withinCommit.Exclusions, exclusion => exclusion.Reason == ExclusionReason.OutsideSelection);
    }

    [Fact]
    public void A_slice_that_selects_nothing_says_what_it_was_matched_against_and_suggests_near_names()
    {
        var error = Assert.Throws<SelectionException>(() =>
            Planner.Plan(_inventory, _config, SliceCadence.Name, TimingHistory.Empty, selection: Filter("FullyQualifiedName~ChekoutTests&Resource=postgress", "Shop.IntegratonTests")));

        Assert.Contains("matched against the 4 discovered test(s)' FullyQualifiedName", error.Message, StringComparison.Ordinal);
        Assert.Contains("no test project is named 'Shop.IntegratonTests'; did you mean 'Shop.IntegrationTests'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("'FullyQualifiedName~ChekoutTests' matches no test; did you mean 'CheckoutTests'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Resource~postgress'", error.Message.Replace("Resource=postgress", "Resource~postgress", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("did you mean 'postgres'?", error.Message, StringComparison.Ordinal);
    }
}
