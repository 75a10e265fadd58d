using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Cli.Tests.Planning;

/// <summary>Runs the name-list filter of every unit split from a partition through the real <c>dotnet test --list-tests --filter</c>.</summary>
[Trait("Category", "Integration")]
public sealed class SplitUnitFilterSelectionTests(FilterFixtureProject fixture) : IClassFixture<FilterFixtureProject>
{
    [Fact]
    public async Task Units_split_from_a_partition_are_selected_exactly_by_their_name_lists()
    {
        var config = FilterFixtureProject.Configuration with { Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromMilliseconds(1), 2) };
        // Free process start-up: the splits under test are the ones the 1 ms target alone calls for.
        var history = TimingHistory.From(
            new Dictionary<TestKey, TimeSpan>(),
            fixture.LocatedInventory.Tests.Select(test => test.Key.Assembly).Distinct().ToDictionary(assembly => assembly, _ => TimeSpan.Zero));
        var plan = Planner.Plan(fixture.LocatedInventory, config, "nightly", history);

        Assert.Contains(plan.Units, unit => unit.Filter.StartsWith("FullyQualifiedName=", StringComparison.Ordinal) && unit.Tests.Count > 1);
        Assert.True(plan.Partitions.Any(partition => partition.Units.Count > 1), "some partition is split");
        await fixture.AssertEachUnitSelectsExactlyItsTestsAsync(plan);
    }
}
