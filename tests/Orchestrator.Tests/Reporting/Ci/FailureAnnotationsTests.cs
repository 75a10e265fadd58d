using Orchestrator.Reporting;
using Orchestrator.Reporting.Ci;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting.Ci;

/// <summary>The whole CI output of a run with a failed data row, a test left without a result, a flaky and a passed test.</summary>
[Trait("Category", "Unit")]
public sealed class FailureAnnotationsTests
{
    private const string Trace = """
           at Xunit.Assert.Equal[T](T expected, T actual)
           at App.Tests.Orders.Rejects(String name) in /repo/tests/App.Tests/Orders.cs:line 42
        """;

    [Fact]
    public void GitHub_gets_a_group_per_failing_unit_with_an_error_per_failed_or_unrun_test()
    {
        Assert.Equal(
            """
            ::group::unit-1#retry1: 1 failed
            ::error file=tests/App.Tests/Orders.cs,line=42,title=App.Tests.Orders.Rejects(name%3A "it's (50%25)")::Expected: 1%0AActual:   2, 100%25
            ::endgroup::
            ::group::unit-2: 1 failed
            ::error title=App.Tests.Orders.Hangs::not run: test host crashed (exit code 134; no result after App.Tests.Orders.Hangs)
            ::endgroup::

            """,
            FailureAnnotations.Render(Run().Tests, new GitHubWorkflowCommands(), "/repo"));
    }

    [Fact]
    public void Azure_gets_the_same_sections_as_logging_commands()
    {
        Assert.Equal(
            """
            ##[group]unit-1#retry1: 1 failed
            ##vso[task.logissue type=error;sourcepath=tests/App.Tests/Orders.cs;linenumber=42]App.Tests.Orders.Rejects(name: "it's (50%AZP25)"): Expected: 1%0AActual:   2, 100%AZP25
            ##[endgroup]
            ##[group]unit-2: 1 failed
            ##vso[task.logissue type=error]App.Tests.Orders.Hangs: not run: test host crashed (exit code 134; no result after App.Tests.Orders.Hangs)
            ##[endgroup]

            """,
            FailureAnnotations.Render(Run().Tests, new AzureLoggingCommands(), "/repo"));
    }

    [Fact]
    public void A_run_without_failures_writes_nothing()
    {
        var passed = Sample.Key("Orders.Accepts");
        var unit = Sample.Unit("unit-1", [passed]);
        var run = ResultsMerger.Merge(Sample.WithResults(Sample.Record([unit]), [Sample.Trx(Sample.Result(passed, TrxOutcome.Passed))]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        Assert.Equal(string.Empty, FailureAnnotations.Render(run.Tests, new GitHubWorkflowCommands(), "/repo"));
    }

    private static MergedRun Run()
    {
        var rejects = Sample.Key("Orders.Rejects");
        var passes = Sample.Key("Orders.Accepts");
        var flaky = Sample.Key("Orders.Retries");
        var hangs = Sample.Key("Orders.Hangs");
        var first = Sample.Unit("unit-1", [rejects, passes, flaky]);
        var retry = Sample.Unit("unit-1", [rejects, flaky], attempt: 1, startSeconds: 20);
        var crashed = Sample.Unit("unit-2", [hangs], exit: UnitExit.Crashed, detail: "exit code 134; no result after App.Tests.Orders.Hangs");
        var failure = Sample.Result(rejects, TrxOutcome.Failed, "App.Tests.Orders.Rejects(name: \"it's (50%)\")", "Expected: 1\nActual:   2, 100%") with { StackTrace = Trace };
        return ResultsMerger.Merge(
            Sample.WithResults(Sample.Record([first, retry, crashed]),
            [
                Sample.Trx(failure, Sample.Result(passes, TrxOutcome.Passed), Sample.Result(flaky, TrxOutcome.Failed, message: "flaked")),
                Sample.Trx(failure with { ExecutionId = Guid.NewGuid().ToString() }, Sample.Result(flaky, TrxOutcome.Passed)),
                Sample.Trx(),
            ]),
            ["unit"],
            QuarantineMatcher.None,
            false,
            new SecretRedactor());
    }
}
