using System.Diagnostics;
using System.Text.RegularExpressions;
using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed partial class HtmlReportWriterTests
{
    private static readonly TestKey _broken = Sample.Key("Calc.Broken");
    private static readonly TestKey _flaky = Sample.Key("Calc.Flaky");
    private static readonly TestKey _fine = Sample.Key("Calc.Fine");
    private static readonly TestKey _lost = Sample.Key("Calc.Lost");
    private static readonly TestKey _skipped = Sample.Key("Parser.Later");
    private static readonly TestKey _parses = Sample.Key("Parser.Parses");
    private static readonly TestKey _bills = Sample.Key("Invoices.Bills", assembly: "Billing.Tests");

    /// <summary>
    /// Attempt 0 of App.Tests: broken and flaky fail, lost never reports (the host crashes); attempt 1 re-runs the failures.
    /// Billing.Tests passes on its own.
    /// </summary>
    private static MergedRun Run()
    {
        TestKey[] app = [_broken, _flaky, _fine, _lost, _skipped, _parses];
        var first = Sample.Unit("unit-none#1", app, exit: UnitExit.Crashed, detail: "exit code 134");
        var retry = Sample.Unit("unit-none#1", [_broken, _flaky], attempt: 1, exit: UnitExit.TestsFailed, startSeconds: 12, seconds: 5);
        var billing = Sample.Unit("unit-billing#1", [_bills], partition: "unit-billing", startSeconds: 20);
        var record = Sample.Record([first, retry, billing]);
        return ResultsMerger.Merge(Sample.WithResults(record, [
                Sample.Trx(
                    Sample.Result(_broken, TrxOutcome.Failed, message: "broken 1", stdOut: "first attempt output") with { StdErr = "first attempt error" },
                    Sample.Result(_flaky, TrxOutcome.Failed, message: "flaky boom"),
                    Sample.Result(_fine, TrxOutcome.Passed, milliseconds: 2500),
                    Sample.Result(_skipped, TrxOutcome.NotExecuted, message: "later"),
                    Sample.Result(_parses, TrxOutcome.Passed, milliseconds: 12.5)),
                Sample.Trx(
                    Sample.Result(_broken, TrxOutcome.Failed, message: "broken 2", milliseconds: 4000, stdOut: "connecting to 127.0.0.1:5432 <db>") with { StdErr = "warning: slow & late" },
                    Sample.Result(_flaky, TrxOutcome.Passed)),
                Sample.Trx(Sample.Result(_bills, TrxOutcome.Passed, milliseconds: 300))]),
            ["unit"], QuarantineMatcher.None, false, new SecretRedactor());
    }

    [Fact]
    public void Tests_are_grouped_by_assembly_then_class_with_counts_per_group_and_failures_first()
    {
        var html = HtmlReportWriter.Render(Run());

        Assert.Equal(
            ["assembly App.Tests", "class App.Tests.Calc", "class App.Tests.Parser", "assembly Billing.Tests", "class App.Tests.Invoices"],
            GroupBody().Matches(html).Select(match => match.Groups["kind"].Value == "assembly" ? $"assembly {match.Groups["assembly"].Value}" : $"class {match.Groups["name"].Value}"));
        Assert.Contains(">App.Tests</button> <span class=\"group-counts\">6 tests: 1 failed, 1 not run, 1 flaky, 1 skipped, 2 passed</span>", html, StringComparison.Ordinal);
        Assert.Contains(">App.Tests.Calc</button> <span class=\"group-counts\">4 tests: 1 failed, 1 not run, 1 flaky, 1 passed</span>", html, StringComparison.Ordinal);
        Assert.Contains(">App.Tests.Parser</button> <span class=\"group-counts\">2 tests: 1 skipped, 1 passed</span>", html, StringComparison.Ordinal);
        Assert.Contains(">Billing.Tests</button> <span class=\"group-counts\">1 test: 1 passed</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_links_to_the_readiness_audit_that_orchestrator_audit_writes_beside_the_report()
    {
        var html = HtmlReportWriter.Render(Run());

        var header = html[html.IndexOf("<header>", StringComparison.Ordinal)..html.IndexOf("</header>", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"audit.md\">audit.md</a>", header, StringComparison.Ordinal);
        Assert.Contains("<a href=\"audit.json\">audit.json</a>", header, StringComparison.Ordinal);
        Assert.Contains("<code>orchestrator audit</code>", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_test_row_sits_in_the_group_of_its_class()
    {
        var html = HtmlReportWriter.Render(Run());

        var calc = ClassBody("App.Tests.Calc").Match(html);
        Assert.True(calc.Success);
        Assert.Equal(4, TestRow().Count(calc.Value));
        Assert.Contains("<span class=\"class-name\">App.Tests.Calc.</span>Broken</td>", calc.Value, StringComparison.Ordinal);
        Assert.Equal(7, TestRow().Count(html));
    }

    [Fact]
    public void Outcome_filters_offer_failed_flaky_skipped_not_run_and_passed_with_their_counts()
    {
        var html = HtmlReportWriter.Render(Run());

        Assert.Equal(
            [("failed", "failed", "1"), ("flaky", "flaky", "1"), ("skipped", "skipped", "1"), ("notrun", "not run", "1"), ("passed", "passed", "3")],
            OutcomeFilter().Matches(html).Select(match => (match.Groups["key"].Value, match.Groups["label"].Value, match.Groups["count"].Value)));
        Assert.Contains("<input id=\"filter\" type=\"search\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"outcome-all\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_row_carries_its_outcome_and_its_duration_in_milliseconds_for_sorting()
    {
        var html = HtmlReportWriter.Render(Run());

        Assert.Contains("<tr class=\"test outcome-passed\" data-outcome=\"passed\"><td class=\"name\"><span class=\"class-name\">App.Tests.Calc.</span>Fine</td><td>unit</td><td>unit-none</td><td class=\"outcome\">passed</td><td class=\"duration\" data-ms=\"2500\">2.5 s</td><td class=\"attempts\">1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"duration\" data-ms=\"12.5\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"test outcome-notrun\" data-outcome=\"notrun\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"duration\" aria-sort=\"none\"><button type=\"button\" id=\"sort-duration\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_test_shows_the_message_stack_trace_and_output_of_its_last_failing_attempt()
    {
        var html = HtmlReportWriter.Render(Run());

        var failure = Failure(html, _broken.FullyQualifiedName);
        Assert.Contains("<pre class=\"message\">broken 2</pre>", failure, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"stack\">   at App.Tests.Somewhere() in /src/T.cs:line 1</pre>", failure, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"stdout\">connecting to 127.0.0.1:5432 &lt;db&gt;</pre>", failure, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"stderr\">warning: slow &amp; late</pre>", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("first attempt", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_attempts_long_output_is_truncated()
    {
        var run = Run();
        var layer = run.Layers[0];
        var broken = layer.Tests.Single(test => test.Key == _broken);
        var noisy = broken with { Attempts = [.. broken.Attempts.Select(attempt => attempt with { Result = attempt.Result with { StdOut = new string('o', 20_000) } })] };
        run = run with { Layers = [layer with { Tests = [.. layer.Tests.Select(test => test == broken ? noisy : test)] }] };

        var html = HtmlReportWriter.Render(run);

        Assert.Contains($"<pre class=\"stdout\">{new string('o', 8000)}…</pre>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('o', 8001), html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_that_did_not_run_shows_why_and_which_unit_should_have_run_it()
    {
        var html = HtmlReportWriter.Render(Run());

        var failure = Failure(html, _lost.FullyQualifiedName);
        Assert.Contains("data-outcome=\"NotRun\"", failure, StringComparison.Ordinal);
        Assert.Contains("<li>unit <code>unit-none#1</code>: <span class=\"reason\">not run: test host crashed (exit code 134)</span></li>", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("<pre class=\"stdout\">", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Nunit_names_with_quotes_angle_brackets_and_parentheses_are_escaped_in_text_and_attributes()
    {
        var key = new TestKey("App.Tests", "App.Tests.Calc.Parses(\"<a href='x'>\",(1, 2))");
        var unit = Sample.Unit("unit-none#1", [key], exit: UnitExit.TestsFailed);
        var run = ResultsMerger.Merge(Sample.WithResults(Sample.Record([unit]), [Sample.Trx(Sample.Result(key, TrxOutcome.Failed, message: "no"))]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        var html = HtmlReportWriter.Render(run);

        const string escaped = "Parses(&quot;&lt;a href=&#39;x&#39;&gt;&quot;,(1, 2))";
        Assert.Contains($"<span class=\"class-name\">App.Tests.Calc.</span>{escaped}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<details class=\"failure\" data-test=\"App.Tests.Calc.{escaped}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href='x'>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tests_are_named_fully_when_the_framework_names_only_the_method()
    {
        var key = new TestKey("App.Tests", "App.Tests.Calc.Adds(1,2)");
        var unit = Sample.Unit("unit-none#1", [key], exit: UnitExit.TestsFailed);
        var run = ResultsMerger.Merge(Sample.WithResults(Sample.Record([unit]), [Sample.Trx(Sample.Result(key, TrxOutcome.Failed, displayName: "Adds(1,2)", message: "no"))]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        var html = HtmlReportWriter.Render(run);

        Assert.Contains("<span class=\"class-name\">App.Tests.Calc.</span>Adds(1,2)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"failure\" data-test=\"App.Tests.Calc.Adds(1,2)\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tables_wrap_long_names_in_fixed_columns_and_the_timeline_scales_to_the_width()
    {
        var html = HtmlReportWriter.Render(Run());

        Assert.Contains("overflow-wrap: anywhere", html, StringComparison.Ordinal);
        Assert.Contains("#flaky table, #tests table { width: 100%; table-layout: fixed; }", html, StringComparison.Ordinal);
        Assert.Matches(ScalingTimeline(), html);
    }

    [Fact]
    public void Ten_thousand_tests_render_quickly_with_the_listed_ones_capped()
    {
        var run = Many(10_000);
        HtmlReportWriter.Render(Many(10)); // warm-up: measure the rendering, not the JIT

        var stopwatch = Stopwatch.StartNew();
        var html = HtmlReportWriter.Render(run);
        stopwatch.Stop();

        Assert.Equal(HtmlReportWriter.MaxListedTests, TestRow().Count(html));
        Assert.Contains($"{10_000 - HtmlReportWriter.MaxListedTests} more tests are in the per-layer TRX and JUnit files.", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" class=\"outcome-filter outcome-passed\" data-outcome=\"passed\" aria-pressed=\"false\">passed <span class=\"count\">9900</span></button>", html, StringComparison.Ordinal);
        // Typically tens of milliseconds; the bound leaves room for a loaded machine and catches anything quadratic.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"rendering 10,000 tests took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("style", "report.css")]
    [InlineData("script", "report.js")]
    public void The_page_inlines_the_whole_stylesheet_and_script_of_the_html_folder(string element, string file)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "src", "Orchestrator", "Reporting", "Html", file)).ReplaceLineEndings("\n");

        var html = HtmlReportWriter.Render(Run());

        var opening = $"<{element}>\n";
        var start = html.IndexOf(opening, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no <{element}> element in the report");
        var end = html.IndexOf($"</{element}>", start, StringComparison.Ordinal);
        Assert.Equal(source.TrimEnd('\n'), html[(start + opening.Length)..end]);
    }

    /// <summary>A run of <paramref name="count"/> tests in 100 classes of 4 assemblies; one in a hundred fails.</summary>
    private static MergedRun Many(int count)
    {
        var keys = Enumerable.Range(0, count).Select(index => Sample.Key($"Class{index % 100}.Case_{index}(\"row {index}\")", $"App{index % 4}.Tests")).ToList();
        var unit = Sample.Unit("unit-none#1", keys, exit: UnitExit.TestsFailed);
        var tests = keys.Select((key, index) =>
        {
            var failed = index % 100 == 7;
            var result = Sample.Result(key, failed ? TrxOutcome.Failed : TrxOutcome.Passed, message: failed ? "boom" : null, executionId: $"e{index}", testId: $"t{index}", milliseconds: index % 997);
            var outcome = failed ? TestOutcome.Failed : TestOutcome.Passed;
            return new MergedTest("unit", "unit-none", key, key.FullyQualifiedName, $"t{index}", outcome, false, [new TestAttempt(unit, result)], [], [outcome]);
        }).ToList();
        var failedCount = tests.Count(test => test.Outcome == TestOutcome.Failed);
        var verdict = new RunVerdict(count - failedCount, failedCount, 0, 0, 0, 0, false, false);
        return new MergedRun(Sample.Record([unit]), [new LayerResults("unit", tests, [unit], verdict)], verdict, []);
    }

    private static string Failure(string html, string name)
    {
        var start = html.IndexOf($"<details class=\"failure\" data-test=\"{name}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no failure for {name}");
        return html[start..(html.IndexOf("</details>", start, StringComparison.Ordinal) + "</details>".Length)];
    }

    private static Regex ClassBody(string name) => new($"<tbody class=\"class\" data-assembly=\"[^\"]*\" data-class=\"{Regex.Escape(name)}\">.*?</tbody>", RegexOptions.Singleline);

    [GeneratedRegex("<tbody class=\"(?<kind>assembly|class)\" data-assembly=\"(?<assembly>[^\"]*)\"(?: data-class=\"(?<name>[^\"]*)\")?>")]
    private static partial Regex GroupBody();

    [GeneratedRegex("<tr class=\"test ")]
    private static partial Regex TestRow();

    [GeneratedRegex("<button type=\"button\" class=\"outcome-filter outcome-(?<key>[a-z]+)\" data-outcome=\"\\k<key>\" aria-pressed=\"false\">(?<label>[a-z ]+) <span class=\"count\">(?<count>\\d+)</span></button>")]
    private static partial Regex OutcomeFilter();

    [GeneratedRegex("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 [0-9.]+ [0-9.]+\" width=\"100%\"")]
    private static partial Regex ScalingTimeline();
}
