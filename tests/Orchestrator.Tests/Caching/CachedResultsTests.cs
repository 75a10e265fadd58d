using Orchestrator.Caching;
using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Orchestrator.Tests.Reporting;
using Xunit;
using static Orchestrator.Tests.Planning.Inventories;

namespace Orchestrator.Tests.Caching;

/// <summary>Reused passes in the run's record and reports, and which of a run's results become passes to reuse.</summary>
[Trait("Category", "Unit")]
public sealed class CachedResultsTests
{
    private static readonly CacheScope _scope = new("artifacts/bin/App.Tests/App.Tests.dll", "none");
    private static readonly CacheKey _key = CacheKey.Of([new("assembly output", "aa")]);
    private static readonly DateTimeOffset _recorded = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private static CachedCase Case(string name, double milliseconds) =>
        new(name, $"id-{name}", TimeSpan.FromMilliseconds(milliseconds), new TrxTestDefinition(name, null, "App.Tests.dll", "executor://xunit/VsTestRunner3/netcore/", "App.Tests.Calc", "Adds"));

    private static RunCache Cache(params CachedPass[] reused)
    {
        var scopes = new Dictionary<TestKey, CacheScope>
        {
            [Sample.Key("Calc.Adds")] = _scope,
            [Sample.Key("Calc.Divides")] = _scope,
            [Sample.Key("Calc.Rounds")] = _scope,
        };
        var toRun = scopes.Keys.Select(key => key.FullyQualifiedName).Except(reused.Select(pass => pass.FullyQualifiedName)).ToList();
        return new RunCache("/cache", [new ScopeCacheDecision(_scope, _key, reused, toRun, [], null)], scopes, []);
    }

    [Fact]
    public void A_reused_pass_is_a_cached_unit_with_every_case_passed_in_its_original_duration_and_a_note_naming_its_run()
    {
        var pass = new CachedPass("App.Tests.Calc.Adds", [Case("Adds(1, 2)", 12), Case("Adds(2, 3)", 30)], "r-earlier", _recorded);
        var discovered = new[] { Test("App.Tests.Calc.Adds", "integration", ["postgres"]) };

        var unit = Assert.Single(CachedUnits.Of(Cache(pass), discovered, Sample.Origin));

        Assert.True(unit.Cached);
        Assert.Equal(("integration-postgres#cached", "integration-postgres", "integration", UnitExit.Passed), (unit.UnitId, unit.PartitionId, unit.Layer, unit.Exit));
        Assert.Equal([Sample.Key("Calc.Adds")], unit.ExpectedTests);
        Assert.Equal([("Adds(1, 2)", 12.0), ("Adds(2, 3)", 30.0)], unit.Results.Select(result => (result.DisplayName, result.Duration.TotalMilliseconds)));
        Assert.All(unit.Results, result => Assert.Equal(TrxOutcome.Passed, result.Outcome));
        Assert.All(unit.Results, result => Assert.Contains("run r-earlier (2026-12-01 09:30:00 UTC)", result.StdOut, StringComparison.Ordinal));
    }

    [Fact]
    public void Reused_passes_count_as_passed_and_cached_in_the_verdict_and_headline_and_are_not_recorded_again()
    {
        var pass = new CachedPass("App.Tests.Calc.Adds", [Case("App.Tests.Calc.Adds", 12)], "r-earlier", _recorded);
        var cache = Cache(pass);
        var ran = Sample.Unit("unit-none#1", [Sample.Key("Calc.Divides"), Sample.Key("Calc.Rounds")]) with
        {
            Results = [Sample.Result(Sample.Key("Calc.Divides"), TrxOutcome.Passed), Sample.Result(Sample.Key("Calc.Rounds"), TrxOutcome.Failed, message: "off by one")],
        };
        var record = Sample.Record([ran, .. CachedUnits.Of(cache, [Test("App.Tests.Calc.Adds", assembly: "App.Tests")], Sample.Origin)]);

        var merged = ResultsMerger.Merge(record, ["unit"], QuarantineMatcher.None, false, new SecretRedactor());
        var passes = CachePasses.Of(cache, merged.Tests, "r-now", Sample.Origin);

        Assert.Equal((1, 1, 1), (merged.Verdict.Passed - merged.Verdict.Cached, merged.Verdict.Cached, merged.Verdict.Failed));
        Assert.Equal("2 passed, 1 failed, 0 skipped (1 of them from the result cache)", merged.Verdict.Headline);
        Assert.Equal("2 passed, 1 failed, 0 skipped", merged.Verdict.SummaryLine);
        Assert.Equal(["App.Tests.Calc.Divides"], Assert.Single(passes).Value.Select(recorded => recorded.FullyQualifiedName));
    }

    [Fact]
    public void Only_tests_whose_every_case_passed_on_the_first_attempt_are_recorded()
    {
        var cache = Cache();
        var first = Sample.Unit("unit-none#1", [Sample.Key("Calc.Adds"), Sample.Key("Calc.Divides"), Sample.Key("Calc.Rounds")]) with
        {
            Results =
            [
                Sample.Result(Sample.Key("Calc.Adds"), TrxOutcome.Passed, displayName: "Adds(1)"),
                Sample.Result(Sample.Key("Calc.Adds"), TrxOutcome.Passed, displayName: "Adds(2)", milliseconds: 40),
                Sample.Result(Sample.Key("Calc.Divides"), TrxOutcome.Failed, message: "flaky once"),
                Sample.Result(Sample.Key("Calc.Rounds"), TrxOutcome.NotExecuted, message: "skipped"),
            ],
        };
        var retry = Sample.Unit("unit-none#1", [Sample.Key("Calc.Divides")], attempt: 1, startSeconds: 20) with
        {
            Results = [Sample.Result(Sample.Key("Calc.Divides"), TrxOutcome.Passed)],
        };

        var merged = ResultsMerger.Merge(Sample.Record([first, retry]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());
        var recorded = Assert.Single(Assert.Single(CachePasses.Of(cache, merged.Tests, "r-now", Sample.Origin)).Value);

        Assert.Equal("App.Tests.Calc.Adds", recorded.FullyQualifiedName);
        Assert.Equal(["App.Tests.Calc.Adds(1)", "App.Tests.Calc.Adds(2)"], recorded.Cases.Select(@case => @case.DisplayName));
        Assert.Equal(TimeSpan.FromMilliseconds(140), recorded.Duration);
        Assert.Equal("r-now", recorded.RunId);
    }
}
