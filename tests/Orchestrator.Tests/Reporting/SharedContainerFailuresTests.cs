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

    /// <summary>Attempt 0 of the audit unit fails while the orders unit uses the same Postgres; its re-run passes.</summary>
    private static MergedRun Run(double ordersStartSeconds)
    {
        var audit = Sample.Unit("integration-postgres#1", [_creates], exit: UnitExit.TestsFailed, partition: "integration-postgres", startSeconds: 0, seconds: 10) with { Instances = ["run-1/postgres"] };
        var orders = Sample.Unit("integration-postgres+redis#1", [_other], partition: "integration-postgres+redis", startSeconds: ordersStartSeconds, seconds: 10) with { Instances = ["run-1/postgres", "run-1/redis"] };
        var retry = Sample.Unit("integration-postgres#1", [_creates], attempt: 1, partition: "integration-postgres", startSeconds: 30, seconds: 5) with { Instances = ["run-1/postgres"] };
        var containers = new[] { new ContainerLifetime("postgres", "postgres", "c1", Sample.Origin, Sample.Origin, Sample.Origin.AddSeconds(40), ["integration-postgres", "integration-postgres+redis"]) };
        return ResultsMerger.Merge(
            Sample.WithResults(Sample.Record([audit, orders, retry], containers: containers),
            [
                Sample.Trx(Sample.Result(_creates, TrxOutcome.Failed, message: "23505: duplicate key value violates unique constraint \"pg_database_datname_index\"")),
                Sample.Trx(Sample.Result(_other, TrxOutcome.Passed)),
                Sample.Trx(Sample.Result(_creates, TrxOutcome.Passed, startSeconds: 31)),
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
        Assert.Contains("### Failures while a container was shared (1)", summary, StringComparison.Ordinal);
        Assert.Contains("failed only while integration-postgres+redis#1 used the same container (postgres)", summary, StringComparison.Ordinal);
        Assert.Contains("<section id=\"shared-failures\">", HtmlReportWriter.Render(run), StringComparison.Ordinal);
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
        Assert.DoesNotContain("while a container was shared", MarkdownSummaryWriter.Render(run), StringComparison.Ordinal);
    }
}
