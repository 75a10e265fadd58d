using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Xml.Schema;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class WriterTests
{
    private static readonly XNamespace _trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private static readonly Orchestrator.Model.TestKey _flaky = Sample.Key("Calc.Flaky");
    private static readonly Orchestrator.Model.TestKey _broken = Sample.Key("Calc.Broken");
    private static readonly Orchestrator.Model.TestKey _fine = Sample.Key("Calc.Fine");
    private static readonly Orchestrator.Model.TestKey _lost = Sample.Key("Calc.Lost");

    /// <summary>Attempt 0: flaky and broken fail, fine passes, lost never reports (crash); attempt 1 re-runs the failures.</summary>
    private static MergedRun Run(bool incomplete = false)
    {
        var first = Sample.Unit("unit-none#1", [_flaky, _broken, _fine, _lost], exit: UnitExit.Crashed, detail: "exit code 134", startSeconds: 0, seconds: 10);
        var retry = Sample.Unit("unit-none#1", [_flaky, _broken], attempt: 1, exit: UnitExit.TestsFailed, startSeconds: 12, seconds: 5);
        var record = Sample.Record([first, retry], incomplete);
        return ResultsMerger.Merge(Sample.WithResults(record, [
                Sample.Trx(
                    Sample.Result(_flaky, TrxOutcome.Failed, message: "flaky boom", executionId: "x1", startSeconds: 1),
                    Sample.Result(_broken, TrxOutcome.Failed, message: "broken 1", executionId: "x2", startSeconds: 2),
                    Sample.Result(_fine, TrxOutcome.Passed, executionId: "x3", startSeconds: 0.5, milliseconds: 2500)),
                Sample.Trx(
                    Sample.Result(_flaky, TrxOutcome.Passed, executionId: "x1", startSeconds: 13),
                    Sample.Result(_broken, TrxOutcome.Failed, message: "broken 2", executionId: "x5", startSeconds: 14, milliseconds: 4000))]),
            ["unit"], QuarantineMatcher.None, false, new SecretRedactor());
    }

    private static XDocument Trx(MergedRun run)
    {
        using var stream = new MemoryStream();
        TrxWriter.Write(stream, run.Layers[0], run);
        return XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static XDocument JUnit(MergedRun run)
    {
        using var stream = new MemoryStream();
        JUnitWriter.Write(stream, run.Layers[0], run);
        return XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void A_test_of_a_project_built_for_two_frameworks_is_one_result_and_one_suite_per_framework()
    {
        var net9 = Sample.Key("Calc.Adds", "App.Tests (net9.0)");
        var net10 = Sample.Key("Calc.Adds", "App.Tests (net10.0)");
        // Both builds give the case the same id, as xunit does.
        var sharedId = Sample.IdOf(Sample.Key("Calc.Adds"));
        var record = Sample.Record([Sample.Unit("unit-none#1", [net10], seconds: 2), Sample.Unit("unit-none#2", [net9], exit: UnitExit.TestsFailed, seconds: 2)]);
        var run = ResultsMerger.Merge(Sample.WithResults(record, [
                Sample.Trx(Sample.Result(net10, TrxOutcome.Passed, testId: sharedId)),
                Sample.Trx(Sample.Result(net9, TrxOutcome.Failed, message: "only on net9.0", testId: sharedId))]),
            ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        var trx = Trx(run);
        var topLevel = trx.Root!.Element(_trx + "Results")!.Elements(_trx + "UnitTestResult")
            .ToDictionary(result => result.Attribute("testName")!.Value, result => result.Attribute("outcome")!.Value);
        Assert.Equal(new Dictionary<string, string> { ["App.Tests.Calc.Adds (net10.0)"] = "Passed", ["App.Tests.Calc.Adds (net9.0)"] = "Failed" }, topLevel);
        Assert.Equal(2, trx.Descendants(_trx + "UnitTest").Select(test => test.Attribute("id")!.Value).Distinct().Count());

        var suites = JUnit(run).Descendants("testsuite").ToDictionary(suite => suite.Attribute("name")!.Value);
        Assert.Equal(["App.Tests (net10.0)", "App.Tests (net9.0)"], suites.Keys.Order(StringComparer.Ordinal));
        Assert.Single(suites["App.Tests (net9.0)"].Descendants("failure"));
        Assert.Empty(suites["App.Tests (net10.0)"].Descendants("failure"));
    }

    [Fact]
    public void Merged_trx_has_one_top_level_result_per_test_with_its_final_outcome_and_every_attempt_inside()
    {
        var document = Trx(Run());

        var definitions = document.Descendants(_trx + "UnitTest").ToList();
        // What Azure DevOps and TRX parsers count: the top-level results, one per test case.
        var topLevel = document.Root!.Element(_trx + "Results")!.Elements(_trx + "UnitTestResult").ToList();
        Assert.Equal(4, definitions.Count);
        Assert.Equal(4, definitions.Select(d => d.Attribute("id")!.Value).Distinct().Count());
        Assert.Equal(4, topLevel.Count);
        Assert.Equal(
            [("Broken", "Failed"), ("Fine", "Passed"), ("Flaky", "Passed"), ("Lost", "Failed")],
            topLevel.Select(r => (r.Attribute("testName")!.Value.Split('.')[^1], r.Attribute("outcome")!.Value)).Order());
        var flaky = topLevel.Single(r => r.Attribute("testName")!.Value == _flaky.FullyQualifiedName);
        var attempts = flaky.Element(_trx + "InnerResults")!.Elements(_trx + "UnitTestResult").ToList();
        Assert.Equal(["Failed", "Passed"], attempts.Select(r => r.Attribute("outcome")!.Value));
        Assert.All(attempts, attempt => Assert.Equal(flaky.Attribute("executionId")!.Value, attempt.Attribute("parentExecutionId")!.Value));
        var everyResult = document.Descendants(_trx + "UnitTestResult").ToList();
        Assert.Equal(8, everyResult.Count); // 4 cases, the flaky and the broken one with 2 attempts each inside
        Assert.Equal(8, everyResult.Select(r => r.Attribute("executionId")!.Value).Distinct().Count());
        Assert.Equal(4, document.Descendants(_trx + "TestEntry").Count());
        var counters = document.Descendants(_trx + "Counters").Single();
        Assert.Equal(topLevel.Count(r => r.Attribute("outcome")!.Value == "Passed").ToString(System.Globalization.CultureInfo.InvariantCulture), counters.Attribute("passed")!.Value);
        Assert.Equal(topLevel.Count(r => r.Attribute("outcome")!.Value == "Failed").ToString(System.Globalization.CultureInfo.InvariantCulture), counters.Attribute("failed")!.Value);
    }

    [Fact]
    public void Merged_trx_counters_come_from_final_outcomes_and_times_span_all_attempts()
    {
        var document = Trx(Run());

        var counters = document.Descendants(_trx + "Counters").Single();
        Assert.Equal("4", counters.Attribute("total")!.Value);
        Assert.Equal("2", counters.Attribute("passed")!.Value); // fine + flaky
        Assert.Equal("2", counters.Attribute("failed")!.Value); // broken + lost (not run)
        Assert.Equal("Failed", document.Descendants(_trx + "ResultSummary").Single().Attribute("outcome")!.Value);
        var times = document.Descendants(_trx + "Times").Single();
        Assert.Equal(Sample.Origin, DateTimeOffset.Parse(times.Attribute("start")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Sample.Origin.AddSeconds(18), DateTimeOffset.Parse(times.Attribute("finish")!.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_not_run_test_is_a_failed_result_that_says_why()
    {
        var document = Trx(Run());

        var lost = document.Descendants(_trx + "UnitTestResult").Single(r => r.Attribute("testName")!.Value == _lost.FullyQualifiedName);
        Assert.Equal("Failed", lost.Attribute("outcome")!.Value);
        Assert.Equal("not run: test host crashed (exit code 134)", lost.Descendants(_trx + "Message").Single().Value);
    }

    [Fact]
    public void Merged_trx_reads_back_with_one_result_per_test_under_the_same_keys()
    {
        using var stream = new MemoryStream();
        var run = Run();
        TrxWriter.Write(stream, run.Layers[0], run);
        stream.Position = 0;

        var read = TrxReader.Read(stream, "merged.trx");

        Assert.Equal(4, read.Results.Count);
        Assert.Equal(TrxOutcome.Passed, read.Results.Single(result => result.Key == _flaky).Outcome);
        Assert.All(read.Results, result => Assert.Equal("App.Tests", result.Key.Assembly));
    }

    [Fact]
    public void An_incomplete_run_is_marked_in_the_trx_summary()
    {
        var document = Trx(Run(incomplete: true));

        Assert.Equal("Aborted", document.Descendants(_trx + "ResultSummary").Single().Attribute("outcome")!.Value);
        Assert.Contains(document.Descendants(_trx + "Text"), text => text.Value.Contains("incomplete", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Junit_marks_a_flaky_test_as_passed_with_flaky_failures()
    {
        var testCase = JUnit(Run()).Descendants("testcase").Single(c => c.Attribute("name")!.Value == _flaky.FullyQualifiedName);

        Assert.Empty(testCase.Elements("failure"));
        var flaky = Assert.Single(testCase.Elements("flakyFailure"));
        Assert.Equal("flaky boom", flaky.Attribute("message")!.Value);
        Assert.NotNull(flaky.Element("stackTrace"));
    }

    [Fact]
    public void Junit_marks_a_test_failing_every_attempt_with_a_failure_and_rerun_failures()
    {
        var testCase = JUnit(Run()).Descendants("testcase").Single(c => c.Attribute("name")!.Value == _broken.FullyQualifiedName);

        Assert.Equal("broken 1", Assert.Single(testCase.Elements("failure")).Attribute("message")!.Value);
        Assert.Equal("broken 2", Assert.Single(testCase.Elements("rerunFailure")).Attribute("message")!.Value);
        Assert.Equal("App.Tests.Calc", testCase.Attribute("classname")!.Value);
    }

    [Fact]
    public void Junit_counts_a_test_without_a_result_as_an_error_and_a_failed_one_as_a_failure()
    {
        var suites = JUnit(Run()).Root!;

        Assert.Equal("4", suites.Attribute("tests")!.Value);
        Assert.Equal("1", suites.Attribute("failures")!.Value);
        Assert.Equal("1", suites.Attribute("errors")!.Value);
        var lost = suites.Descendants("testcase").Single(c => c.Attribute("name")!.Value == _lost.FullyQualifiedName);
        Assert.Empty(lost.Elements("failure"));
        Assert.Equal("not run: test host crashed (exit code 134)", lost.Element("error")!.Attribute("message")!.Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Junit_is_valid_against_the_jenkins_xunit_schema(bool incomplete)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Reporting", "junit-10.xsd"));
        var errors = new List<string>();

        JUnit(Run(incomplete)).Validate(schemas, (_, e) => errors.Add(e.Message));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("System.InvalidOperationException : boom", "System.InvalidOperationException")]
    [InlineData("Xunit.Sdk.EqualException: Assert.Equal() Failure", "Xunit.Sdk.EqualException")]
    [InlineData("Assert.Equal() Failure: Values differ", FailureType.Assertion)]
    [InlineData("  Expected: 3\n  But was:  4", FailureType.Assertion)]
    [InlineData("something odd (\"quoted\")", FailureType.Unknown)]
    [InlineData(null, FailureType.Unknown)]
    public void Junit_failure_type_is_the_exception_type_the_message_names(string? message, string expected) =>
        Assert.Equal(expected, FailureType.Of(message));

    [Fact]
    public void Summary_gives_counts_failures_flaky_pass_rates_and_the_crashed_unit()
    {
        var summary = MarkdownSummaryWriter.Render(Run());

        Assert.Contains("**1 passed, 1 flaky, 2 failed, 0 skipped**", summary, StringComparison.Ordinal);
        Assert.Contains("| unit | 1 | 1 | 1 | 0 | 1 | 0 | 2 |", summary, StringComparison.Ordinal);
        Assert.Contains("| unit | unit-none | none | 1 | 1 | 1 | 0 | 1 | 0 | 2 |", summary, StringComparison.Ordinal);
        Assert.Contains("broken 2", summary, StringComparison.Ordinal);
        Assert.Contains("not run: test host crashed (exit code 134)", summary, StringComparison.Ordinal);
        Assert.Contains($"| `{_flaky.FullyQualifiedName}` | unit | 50% | 1/2 |", summary, StringComparison.Ordinal);
        Assert.Contains("| unit-none#1 | 0 | 0 | Crashed | exit code 134 |", summary, StringComparison.Ordinal);
        Assert.Contains("| execute | 50.0 s |", summary, StringComparison.Ordinal);
        Assert.Contains("*failed* includes tests that were selected but not run", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_lists_containers_with_their_start_up_and_use_times()
    {
        var run = Run();
        var container = new ContainerLifetime("postgres-1", "postgres", "abc", Sample.Origin, Sample.Origin.AddSeconds(2), Sample.Origin.AddSeconds(30), ["integration-postgres"]);
        run = run with { Record = run.Record with { Containers = [container] } };

        var summary = MarkdownSummaryWriter.Render(run);

        Assert.Contains("| postgres-1 | postgres | 2.0 s | 28.0 s | integration-postgres |", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_names_a_container_that_started_only_the_second_time_and_why_the_first_did_not()
    {
        var run = Run();
        var restarted = new ContainerLifetime("rabbitmq", "rabbitmq", "def", Sample.Origin, Sample.Origin.AddSeconds(70), Sample.Origin.AddSeconds(90), ["e2e-rabbitmq"])
        {
            FirstStartFailure = "Resource 'rabbitmq' was not ready within 60 s | probe AMQP",
        };
        var steady = new ContainerLifetime("postgres", "postgres", "abc", Sample.Origin, Sample.Origin.AddSeconds(2), Sample.Origin.AddSeconds(30), ["integration-postgres"]);
        run = run with { Record = run.Record with { Containers = [restarted, steady] } };

        var summary = MarkdownSummaryWriter.Render(run);

        Assert.Contains(
            "- **rabbitmq**: the first container failed to start and a fresh one was started in its place (it became ready). First failure: Resource 'rabbitmq' was not ready within 60 s \\| probe AMQP",
            summary,
            StringComparison.Ordinal);
        Assert.DoesNotContain("- **postgres**", summary, StringComparison.Ordinal);
        Assert.Contains("a second container, the first failed to start: Resource &#39;rabbitmq&#39; was not ready", HtmlReportWriter.Render(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_and_html_flag_an_incomplete_run()
    {
        var run = Run(incomplete: true);

        Assert.Contains("INCOMPLETE RUN", MarkdownSummaryWriter.Render(run), StringComparison.Ordinal);
        Assert.Contains("INCOMPLETE RUN", HtmlReportWriter.Render(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_is_self_contained()
    {
        var html = HtmlReportWriter.Render(Run());

        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        // The only links are to the audit's files beside the report: nothing is loaded, nothing leaves the directory.
        Assert.Equal(["audit.json", "audit.md"], Regex.Matches(html, "href=\"(?<target>[^\"]*)\"", RegexOptions.IgnoreCase).Select(link => link.Groups["target"].Value).Order(StringComparer.Ordinal));
        Assert.Equal(2, html.Split("<rect class=\"unit ").Length - 1);
    }
}
