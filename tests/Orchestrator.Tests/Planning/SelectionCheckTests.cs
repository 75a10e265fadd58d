using Orchestrator.Model;
using Orchestrator.Planning;
using Xunit;

namespace Orchestrator.Tests.Planning;

[Trait("Category", "Unit")]
public sealed class SelectionCheckTests
{
    private static readonly PlanPrediction _none = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 1);

    private static Exclusion Excluded(string name, ExclusionReason reason, string detail) =>
        new(new TestKey("App.Tests", "App.Tests." + name), reason, detail);

    [Fact]
    public void A_cadence_that_selects_nothing_is_an_error_that_says_what_was_left_out_and_why()
    {
        var plan = new TestPlan("commit", [], [
            Excluded("Db.Saves", ExclusionReason.ResourceNotAllowed, "needs postgres"),
            Excluded("Db.Loads", ExclusionReason.ResourceNotAllowed, "needs postgres"),
            Excluded("Flow.Checkout", ExclusionReason.LayerNotInCadence, "layer e2e")], _none);

        var problem = SelectionCheck.Of(plan);

        Assert.NotNull(problem);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal("cadence 'commit'", problem.Subject);
        Assert.Contains("none of the 3 discovered test(s)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("2 need a resource the cadence does not allow (e.g. App.Tests:App.Tests.Db.Saves: needs postgres)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("1 in a layer the cadence does not run", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_discovered_is_an_error_that_says_to_build_first()
    {
        var problem = SelectionCheck.Of(new TestPlan("pr", [], [], _none));

        Assert.Equal(ProblemSeverity.Error, problem!.Severity);
        Assert.Contains("orchestrator build", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_discovered_after_discovery_failed_points_at_those_failures_not_at_the_build()
    {
        var problem = SelectionCheck.Of(new TestPlan("pr", [], [], _none), projectsNotDiscovered: 1);

        Assert.Equal(ProblemSeverity.Error, problem!.Severity);
        Assert.Contains("discovery failed on 1 test project(s)", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Build the test projects first", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_shard_of_a_plan_with_tests_is_only_a_warning()
    {
        var plan = new TestPlan("pr", [], [Excluded("Db.Saves", ExclusionReason.OtherShard, "shard 1/3")], _none, new Shard(3, 3));

        var problem = SelectionCheck.Of(plan);

        Assert.Equal(ProblemSeverity.Warning, problem!.Severity);
        Assert.Equal("shard 3/3", problem.Subject);
    }
}
