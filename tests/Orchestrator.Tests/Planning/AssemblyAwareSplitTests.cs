using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Planning;
using Xunit;
using static Orchestrator.Tests.Planning.Inventories;

namespace Orchestrator.Tests.Planning;

[Trait("Category", "Unit")]
public sealed class AssemblyAwareSplitTests
{
    private static readonly OrchestratorConfiguration _config = new()
    {
        Cadences = new Dictionary<string, CadenceDefinition> { ["commit"] = new("commit", ["unit"], []) }.ToImmutableDictionary(),
        Parallelism = new ParallelismSettings(4, 8, TimeSpan.FromSeconds(10), 4),
    };

    [Fact]
    public void Assemblies_that_fit_a_unit_are_not_scattered_over_several_units()
    {
        // Four assemblies of 10 s each, four units: one assembly per unit, so four test host starts instead of sixteen.
        var tests = Enumerable.Range(0, 4).SelectMany(assembly => Enumerable.Range(0, 5)
            .Select(test => Test($"S{assembly}.T{test}", assembly: $"Suite{assembly}.Tests"))).ToArray();
        var history = TimingHistory.From(tests.ToDictionary(test => test.Key, _ => TimeSpan.FromSeconds(2)));

        var plan = Planner.Plan(Of(tests), _config, "commit", history);

        var units = Assert.Single(plan.Partitions).Units;
        Assert.Equal(4, units.Count);
        Assert.All(units, unit => Assert.Single(unit.Sources));
        Assert.All(units, unit => Assert.Equal(TimeSpan.FromSeconds(10), unit.ExpectedDuration));
    }

    [Fact]
    public void An_assembly_longer_than_a_unit_is_cut_into_as_many_pieces_as_its_share_needs()
    {
        // 30 s in one assembly and 10 s in another, four units of 10 s: the big one in three pieces, the small one whole.
        var big = Enumerable.Range(0, 6).Select(test => Test($"Big.T{test}", assembly: "Big.Tests"));
        var small = Enumerable.Range(0, 2).Select(test => Test($"Small.T{test}", assembly: "Small.Tests"));
        var tests = big.Concat(small).ToArray();
        var history = TimingHistory.From(tests.ToDictionary(test => test.Key, _ => TimeSpan.FromSeconds(5)));

        var plan = Planner.Plan(Of(tests), _config, "commit", history);

        var units = Assert.Single(plan.Partitions).Units;
        Assert.Equal(4, units.Count);
        Assert.All(units, unit => Assert.Single(unit.Sources));
        Assert.Equal(3, units.Count(unit => unit.Sources[0].Contains("Big", StringComparison.Ordinal)));
        Assert.All(units, unit => Assert.Equal(TimeSpan.FromSeconds(10), unit.ExpectedDuration));
    }
}
