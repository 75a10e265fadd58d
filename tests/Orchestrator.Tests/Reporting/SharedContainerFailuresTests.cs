using System.Text;
using System.Xml.Linq;
using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class SharedContainerFailuresTests
{
    private static readonly TestKey _creates = Sample.Key("Setup.Creates_the_audit_database", "Audit.Tests");
    private static readonly TestKey _other = Sample.Key("Orders.Saves", "Orders.Tests");

    /// <summary>Attempt 0 of the audit unit fails while the orders unit uses the same Postgres; its re-run (at 30 s, with <paramref name="retryInstance"/>) ends as <paramref name="retryOutcome"/>.</summary>
    private static MergedRun Run(
        double ordersStartSeconds,
        string failure = "23505: duplicate key value violates unique constraint \"pg_database_datname_index\"",
        double ordersSeconds = 10,
        string retryInstance = "run-1/postgres-integration-postgres#1-r0-a1",
        TrxOutcome retryOutcome = TrxOutcome.Passed)
    {
        var audit = Sample.Unit("integration-postgres#1", [_creates], exit: UnitExit.TestsFailed, partition: "integration-postgres", startSeconds: 0, seconds: 10) with { Instances = ["run-1/postgres"] };
        var orders = Sample.Unit("integration-postgres+redis#1", [_other], partition: "integration-postgres+redis", startSeconds: ordersStartSeconds, seconds: ordersSeconds) with { Instances = ["run-1/postgres", "run-1/redis"] };
        var retry = Sample.Unit("integration-postgres#1", [_creates], attempt: 1, partition: "integration-postgres", startSeconds: 30, seconds: 5) with { Instances = [retryInstance] };
        var containers = new[] { new ContainerLifetime("postgres", "postgres", "c1", Sample.Origin, Sample.Origin, Sample.Origin.AddSeconds(40), ["integration-postgres", "integration-postgres+redis"]) };
        return ResultsMerger.Merge(
            Sample.WithResults(Sample.Record([audit, orders, retry], containers: containers),
            [
                Sample.Trx(Sample.Result(_creates, TrxOutcome.Failed, message: failure)),
                Sample.Trx(Sample.Result(_other, TrxOutcome.Passed)),
                Sample.Trx(Sample.Result(_creates, retryOutcome, message: retryOutcome == TrxOutcome.Failed ? failure : null, startSeconds: 31)),
            ]),
            ["integration"], QuarantineMatcher.None, false, new SecretRedactor());
    }

    [Fact]
    public void A_test_that_failed_only_while_another_unit_shared_its_container_is_named_with_the_fix()
    {
        var run = Run(ordersStartSeconds: 2);

        var failure = Assert.Single(SharedContainerFailures.Of(run));

        Assert.Equal(_creates, failure.Test.Key);
        Assert.Equal(["postgres"], failure.Instances);
        Assert.Equal(["integration-postgres+redis#1"], failure.SharedWith);
        Assert.Contains("resources.postgres \"isolation\": \"dedicated\"", failure.Explanation, StringComparison.Ordinal);
        var summary = MarkdownSummaryWriter.Render(run);
        Assert.Contains("### Isolation problems: failures caused by a shared container (1)", summary, StringComparison.Ordinal);
        Assert.Contains("failed only while integration-postgres+redis#1 used the same container (postgres) at the same time, and it passed in integration-postgres#1#retry1, which had its container to itself: an isolation problem, not a flaky test", summary, StringComparison.Ordinal);
        Assert.Contains("<section id=\"shared-failures\">", HtmlReportWriter.Render(run), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flaky_test_that_failed_only_while_sharing_fails_the_build_and_is_counted_apart_from_plain_flaky_ones()
    {
        var run = Run(ordersStartSeconds: 2);

        Assert.Equal((1, 1), (run.Verdict.Flaky, run.Verdict.IsolationProblems));
        Assert.Equal(RunVerdict.FailureExitCode, run.Verdict.ExitCode);
        Assert.Equal("1 passed, 0 flaky, 1 isolation problem(s), 0 failed, 0 skipped", run.Verdict.Headline);
        Assert.Equal("1 passed, 1 failed, 0 skipped", run.Verdict.SummaryLine);
    }

    [Fact]
    public void A_test_that_failed_only_while_sharing_counts_as_failed_not_flaky_in_its_layer_its_partition_and_every_per_layer_file()
    {
        var run = Run(ordersStartSeconds: 2);

        var layer = Assert.Single(run.Layers);
        Assert.Equal(run.Verdict.SummaryLine, layer.Verdict.SummaryLine);
        var summary = MarkdownSummaryWriter.Render(run);
        Assert.Contains("| unit | 1 | 1 | 0 | 0 | 0 | 0 | 3 |", summary, StringComparison.Ordinal);
        Assert.Contains("| **all** | 1 | 1 | 0 | 0 | 0 | 0 | 3 |", summary, StringComparison.Ordinal);
        Assert.Contains("| unit | integration-postgres | none | 0 | 1 | 0 | 0 | 0 | 0 | 2 |", summary, StringComparison.Ordinal);
        var html = HtmlReportWriter.Render(run);
        Assert.Contains("<tr class=\"layer\" data-layer=\"unit\"><td>unit</td><td class=\"count-passed\">1</td><td class=\"count-failed\">1</td><td class=\"count-flaky\">0</td>", html, StringComparison.Ordinal);

        var trx = Written(TrxWriter.Write, run);
        XNamespace ns = TrxSchema.NamespaceUri;
        var counters = trx.Descendants(ns + "Counters").Single();
        Assert.Equal(("1", "1"), (counters.Attribute("passed")!.Value, counters.Attribute("failed")!.Value));
        Assert.Equal("Failed", trx.Descendants(ns + "ResultSummary").Single().Attribute("outcome")!.Value);
        var createdResult = trx.Descendants(ns + "UnitTestResult").Single(result => result.Attribute("parentExecutionId") is null && result.Attribute("testName")!.Value.Contains("Creates_the_audit_database", StringComparison.Ordinal));
        Assert.Equal("Failed", createdResult.Attribute("outcome")!.Value);
        Assert.Contains("Isolation problems (failed only while another unit shared their container, then passed with one of their own; counted as failed): 1", trx.Descendants(ns + "StdOut").Last().Value, StringComparison.Ordinal);

        var junit = Written(JUnitWriter.Write, run);
        Assert.Equal("1", junit.Root!.Attribute("failures")!.Value);
        var creates = junit.Descendants("testcase").Single(test => test.Attribute("name")!.Value.Contains("Creates_the_audit_database", StringComparison.Ordinal));
        Assert.Single(creates.Elements("failure"));
        Assert.Empty(junit.Descendants("flakyFailure"));
    }

    private static XDocument Written(Action<Stream, LayerResults, MergedRun> write, MergedRun run)
    {
        using var stream = new MemoryStream();
        write(stream, run.Layers[0], run);
        return XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void A_flaky_test_whose_failure_did_not_overlap_another_unit_stays_plain_flaky_and_tolerated()
    {
        var run = Run(ordersStartSeconds: 20);

        Assert.Equal((1, 0), (run.Verdict.Flaky, run.Verdict.IsolationProblems));
        Assert.Equal(0, run.Verdict.ExitCode);
        Assert.Equal("1 passed, 1 flaky, 0 failed, 0 skipped", run.Verdict.Headline);
    }

    [Fact]
    public void Units_of_another_run_merged_in_never_shared_a_container_with_this_one()
    {
        var run = Run(ordersStartSeconds: 2);
        var units = run.Record.Units.Select(unit => unit.UnitId.StartsWith("integration-postgres+redis", StringComparison.Ordinal) ? unit with { Instances = ["run-2/postgres", "run-2/redis"] } : unit).ToList();

        Assert.Empty(SharedContainerFailures.Of(run with { Record = run.Record with { Units = units } }));
    }

    [Fact]
    public void A_test_that_also_failed_with_its_container_to_itself_is_not_blamed_on_sharing()
    {
        var run = Run(ordersStartSeconds: 12);

        Assert.Empty(SharedContainerFailures.Of(run));
        Assert.DoesNotContain("Isolation problems", MarkdownSummaryWriter.Render(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Overlap_alone_is_no_evidence_a_failure_of_the_suites_own_that_passed_while_still_sharing_is_plain_flakiness()
    {
        // The re-run shares the container with the orders unit again, and the failure is one a suite meets on its own.
        var run = Run(ordersStartSeconds: 2, failure: "40001: could not serialize access due to concurrent update", ordersSeconds: 40, retryInstance: "run-1/postgres");

        Assert.Empty(SharedContainerFailures.Of(run));
        Assert.Equal(TestOutcome.Flaky, run.Tests.Single(test => test.Key == _creates).Outcome);
    }

    [Fact]
    public void A_serialization_failure_that_recurs_with_the_container_to_itself_is_the_suites_own_failure_not_an_isolation_problem()
    {
        // Attempt 0 fails while the orders unit shares the container; the re-run, on a container of its own, fails the same way.
        var run = Run(ordersStartSeconds: 2, failure: "40001: could not serialize access due to concurrent update", retryOutcome: TrxOutcome.Failed);

        Assert.Empty(SharedContainerFailures.Of(run));
        Assert.Equal(TestOutcome.Failed, run.Tests.Single(test => test.Key == _creates).Outcome);
        Assert.DoesNotContain("Isolation problems", MarkdownSummaryWriter.Render(run), StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_only_another_session_causes_is_evidence_even_when_the_test_never_passed()
    {
        var run = Run(ordersStartSeconds: 2, failure: "57P01: terminating connection due to administrator command", ordersSeconds: 40, retryInstance: "run-1/postgres", retryOutcome: TrxOutcome.Failed);

        var failure = Assert.Single(SharedContainerFailures.Of(run));

        Assert.Contains("its failure shows that the connection was terminated by another session (pg_terminate_backend) (57P01)", failure.Explanation, StringComparison.Ordinal);
    }
}
