using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Cli.Tests.Planning;

/// <summary>Runs every unit's filter through the real <c>dotnet test --list-tests --filter</c>.</summary>
[Trait("Category", "Integration")]
public sealed class UnitFilterSelectionTests(FilterFixtureProject fixture) : IClassFixture<FilterFixtureProject>
{
    private static readonly OrchestratorConfiguration _config = new()
    {
        Cadences = new Dictionary<string, CadenceDefinition>
        {
            ["nightly"] = new("nightly", ["unit", "integration", "e2e"], ["postgres", "redis", "rabbitmq"]),
        }.ToImmutableDictionary(),
    };

    [Fact]
    public async Task A_unit_holding_a_whole_partition_is_selected_exactly_by_its_trait_filter()
    {
        var config = _config with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromHours(1), 4) };
        var plan = Planner.Plan(Located(fixture.Inventory), config, "nightly", TimingHistory.Empty);

        Assert.Contains(plan.Units, unit => unit.Filter.StartsWith("Category=", StringComparison.Ordinal));
        await AssertEachUnitSelectsExactlyItsTestsAsync(plan);
    }

    [Fact]
    public async Task Units_split_from_a_partition_are_selected_exactly_by_their_name_lists()
    {
        var config = _config with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromMilliseconds(1), 2) };
        var plan = Planner.Plan(Located(fixture.Inventory), config, "nightly", TimingHistory.Empty);

        Assert.Contains(plan.Units, unit => unit.Filter.StartsWith("FullyQualifiedName=", StringComparison.Ordinal) && unit.Tests.Count > 1);
        Assert.True(plan.Partitions.Any(partition => partition.Units.Count > 1), "some partition is split");
        await AssertEachUnitSelectsExactlyItsTestsAsync(plan);
    }

    private async Task AssertEachUnitSelectsExactlyItsTestsAsync(TestPlan plan)
    {
        Assert.Equal(fixture.Inventory.Tests.Count, plan.SelectedTestCount);
        foreach (var unit in plan.Units)
        {
            var listed = await fixture.ListAsync(unit.Filter, CancellationToken.None);

            var expected = unit.Tests.Select(test => test.FullyQualifiedName).Order(StringComparer.Ordinal);
            Assert.True(
                expected.SequenceEqual(listed.Order(StringComparer.Ordinal)),
                $"Unit {unit.Id} with filter '{unit.Filter}' should list [{string.Join(", ", expected)}] but listed [{string.Join(", ", listed.Order(StringComparer.Ordinal))}].");
        }
    }

    private TestInventory Located(TestInventory inventory) =>
        inventory with { Tests = [.. inventory.Tests.Select(test => test with { SourcePath = fixture.AssemblyPath })] };
}
