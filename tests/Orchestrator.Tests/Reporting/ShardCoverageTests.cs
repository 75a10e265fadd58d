using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class ShardCoverageTests
{
    private static readonly TestKey _a = Sample.Key("Calc.A");
    private static readonly TestKey _b = Sample.Key("Calc.B");
    private static readonly TestKey _c = Sample.Key("Calc.C");
    private static readonly TestKey[] _selection = [_a, _b, _c];

    private static RunRecord Shard(int index, string fingerprint, params TestKey[] ran) =>
        Sample.Record([Sample.Unit($"unit-none#{index}", ran)]) with
        {
            RunId = $"run-{index}",
            Shard = new ShardRecord(index, 2, fingerprint, _selection),
        };

    [Fact]
    public void Shards_of_one_split_that_cover_the_selection_once_have_no_problem() =>
        Assert.Empty(ShardCoverage.Check([Shard(1, "f1", _a, _b), Shard(2, "f1", _c)]));

    [Fact]
    public void A_missing_shard_is_named_with_the_tests_no_shard_ran()
    {
        var problem = Assert.Single(ShardCoverage.Check([Shard(1, "f1", _a, _b)]));

        Assert.Equal("shard 2/2", problem.Subject);
        Assert.Contains("1 selected test(s) have none: App.Tests:App.Tests.Calc.C", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_shard_that_held_no_selected_test_is_a_warning_that_nothing_is_missing()
    {
        var problem = Assert.Single(ShardCoverage.Check([Shard(1, "f1", _a, _b, _c)]));

        Assert.Equal("shard 2/2", problem.Subject);
        Assert.False(problem.IsError);
        Assert.Contains("nothing is missing", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0 selected test(s)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_of_different_splits_are_refused_with_the_way_out()
    {
        var problem = Assert.Single(ShardCoverage.Check([Shard(1, "f1", _a, _b), Shard(2, "f2", _a)]));

        Assert.Contains("2 different splits", problem.Message, StringComparison.Ordinal);
        Assert.Contains("--timings", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_in_two_shards_and_a_shard_given_twice_are_named()
    {
        var problems = ShardCoverage.Check([Shard(1, "f1", _a, _b), Shard(2, "f1", _b, _c), Shard(2, "f1", _b, _c) with { RunId = "run-2b" }]);

        Assert.Contains(problems, problem => problem.Subject == "shard 2/2" && problem.Message.Contains("given 2 times", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Message.Contains("App.Tests:App.Tests.Calc.B (shards 1, 2)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_merge_of_shards_fails_the_verdict()
    {
        var combined = ResultsReporter.Combine([Shard(1, "f1", _a, _b)]);

        Assert.Null(combined.Shard);
        Assert.Contains(combined.Problems, problem => problem.IsError);
    }
}
