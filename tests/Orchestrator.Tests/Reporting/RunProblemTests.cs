using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class RunProblemTests
{
    private static readonly TestKey _fine = Sample.Key("Calc.Fine");

    private static MergedRun Merge(params RunProblem[] problems)
    {
        var unit = Sample.Unit("unit-none#1", [_fine]);
        var record = Sample.Record([unit]) with { Problems = problems };
        return ResultsMerger.Merge(Sample.WithResults(record, [Sample.Trx(Sample.Result(_fine, TrxOutcome.Passed))]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());
    }

    [Fact]
    public void A_discovery_error_fails_a_run_whose_tests_all_passed_and_every_report_says_so()
    {
        var problem = new RunProblem(ProblemSeverity.Error, "/repo/tests/Billing.Tests/Billing.Tests.csproj", "Its build output is missing: build it first.");

        var run = Merge(problem);

        Assert.Equal(1, run.Verdict.Passed);
        Assert.False(run.Verdict.Succeeded);
        Assert.Equal(RunVerdict.FailureExitCode, run.Verdict.ExitCode);
        var summary = MarkdownSummaryWriter.Render(run);
        Assert.Contains("❌ failed (exit code 1)", summary, StringComparison.Ordinal);
        Assert.Contains("- **error** `/repo/tests/Billing.Tests/Billing.Tests.csproj`: Its build output is missing: build it first.", summary, StringComparison.Ordinal);
        var html = HtmlReportWriter.Render(run);
        Assert.Contains("data-exit-code=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"problems\">", html, StringComparison.Ordinal);
        Assert.Contains("Billing.Tests.csproj", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_is_listed_but_does_not_fail_the_run()
    {
        var run = Merge(new RunProblem(ProblemSeverity.Warning, "layer", "3 tests have no layer and run as unit."));

        Assert.True(run.Verdict.Succeeded);
        Assert.Contains("- **warning** `layer`: 3 tests have no layer and run as unit.", MarkdownSummaryWriter.Render(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_survive_run_json_and_a_merge_of_results_directories()
    {
        var problem = new RunProblem(ProblemSeverity.Error, "cadence 'pr'", "The cadence selected no test.");
        var first = Sample.Record([]) with { Problems = [problem] };
        var second = Sample.Record([]) with { RunId = "run-2" };

        var combined = ResultsReporter.Combine([first, second]);

        Assert.Equal([problem], combined.Problems);
    }
}
