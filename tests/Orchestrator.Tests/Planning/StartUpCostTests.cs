using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Tests.Reporting;
using Xunit;

namespace Orchestrator.Tests.Planning;

/// <summary>How the start-up cost of a test assembly's process is learned from finished units, and what is assumed without it.</summary>
[Trait("Category", "Unit")]
public sealed class StartUpCostTests
{
    [Fact]
    public void A_finished_unit_teaches_its_wall_time_minus_its_tests_durations()
    {
        var key = Sample.Key("Adds");
        var unit = Sample.Unit("unit-none#1", [key], seconds: 5) with
        {
            Results = [Sample.Result(key, TrxOutcome.Passed, milliseconds: 1500), Sample.Result(key, TrxOutcome.Passed, milliseconds: 500)],
        };

        var sample = Assert.Single(TimingStore.StartUpSamples([unit]));

        Assert.Equal("App.Tests", sample.Key);
        Assert.Equal(TimeSpan.FromSeconds(3), sample.Value);
    }

    [Fact]
    public void A_unit_of_several_assemblies_shares_its_overhead_evenly_among_them()
    {
        var first = Sample.Key("Adds", "App.Tests");
        var second = Sample.Key("Reads", "Data.Tests");
        var unit = Sample.Unit("unit-none#1", [first, second], seconds: 7, exit: UnitExit.TestsFailed) with
        {
            Results = [Sample.Result(first, TrxOutcome.Passed, milliseconds: 500), Sample.Result(second, TrxOutcome.Failed, milliseconds: 500)],
        };

        var samples = TimingStore.StartUpSamples([unit]).ToList();

        Assert.Equal(
            [new("App.Tests", TimeSpan.FromSeconds(3)), new KeyValuePair<string, TimeSpan>("Data.Tests", TimeSpan.FromSeconds(3))],
            samples);
    }

    [Theory]
    [InlineData(UnitExit.Crashed)]
    [InlineData(UnitExit.Hung)]
    [InlineData(UnitExit.TimedOut)]
    [InlineData(UnitExit.Cancelled)]
    [InlineData(UnitExit.NotStarted)]
    public void A_unit_that_did_not_run_to_its_end_teaches_nothing(UnitExit exit)
    {
        var key = Sample.Key("Adds");
        var broken = Sample.Unit("unit-none#1", [key], seconds: 60, exit: exit) with { Results = [Sample.Result(key, TrxOutcome.Passed)] };
        var finished = Sample.Unit("unit-none#2", [key], startSeconds: 60, seconds: 2) with { Results = [Sample.Result(key, TrxOutcome.Passed, milliseconds: 1000)] };

        var sample = Assert.Single(TimingStore.StartUpSamples([broken, finished]));

        Assert.Equal(TimeSpan.FromSeconds(1), sample.Value);
    }

    [Fact]
    public void A_unit_whose_tests_ran_in_parallel_past_its_wall_time_teaches_nothing()
    {
        var key = Sample.Key("Adds");
        var unit = Sample.Unit("unit-none#1", [key], seconds: 1) with
        {
            Results = [Sample.Result(key, TrxOutcome.Passed, milliseconds: 800), Sample.Result(key, TrxOutcome.Passed, milliseconds: 800)],
        };

        Assert.Empty(TimingStore.StartUpSamples([unit]));
    }

    [Fact]
    public void An_assembly_never_measured_is_assumed_to_cost_the_default()
    {
        var history = TimingHistory.From(
            new Dictionary<TestKey, TimeSpan>(),
            new Dictionary<string, TimeSpan> { ["App.Tests"] = TimeSpan.FromSeconds(3) });

        Assert.Equal(TimeSpan.FromSeconds(3), history.StartUp("App.Tests"));
        Assert.Equal(TimingHistory.DefaultStartUp, history.StartUp("Data.Tests"));
        Assert.Equal(TimingHistory.DefaultStartUp, TimingHistory.Empty.StartUp("App.Tests"));
    }
}
