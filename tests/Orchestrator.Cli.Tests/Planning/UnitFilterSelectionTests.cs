using Orchestrator.Configuration;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Cli.Tests.Planning;

/// <summary>Runs the filter of every unit holding a whole partition through the real <c>dotnet test --list-tests --filter</c>.</summary>
[Trait("Category", "Integration")]
public sealed class UnitFilterSelectionTests(FilterFixtureProject fixture) : IClassFixture<FilterFixtureProject>
{
    [Fact]
    public async Task A_unit_holding_a_whole_partition_is_selected_exactly_by_its_trait_filter()
    {
        var config = FilterFixtureProject.Configuration with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromHours(1), 4) };
        var plan = Planner.Plan(fixture.LocatedInventory, config, "nightly", TimingHistory.Empty);

        Assert.Contains(plan.Units, unit => unit.Filter.StartsWith("Category=", StringComparison.Ordinal));
        await fixture.AssertEachUnitSelectsExactlyItsTestsAsync(plan);
    }
}
