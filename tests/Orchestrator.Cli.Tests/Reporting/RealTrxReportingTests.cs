using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Reporting.Ci;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Xunit;

namespace Orchestrator.Cli.Tests.Reporting;

[Trait("Category", "Integration")]
public sealed partial class RealTrxReportingTests(XunitFixtureProject fixture) : IClassFixture<XunitFixtureProject>, IDisposable
{
    private static readonly XNamespace _trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-real-trx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TestKey Key(string name) => new(XunitFixtureProject.AssemblyName, name);

    private async Task<RunRecord> RecordAsync()
    {
        var (first, retry) = await fixture.RunAndRetryAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        TestKey[] all = [Key(XunitFixtureProject.Passing), Key(XunitFixtureProject.Failing), Key(XunitFixtureProject.Skipped), Key(XunitFixtureProject.Flaky)];
        UnitRun[] units =
        [
            new("unit-none#1", "unit-none", "unit", ResourceSet.None, 0, 0, all, first, start, start.AddSeconds(5), UnitExit.TestsFailed, "exit code 1") { Results = Read(first) },
            new("unit-none#1#retry1", "unit-none", "unit", ResourceSet.None, 1, 0, [Key(XunitFixtureProject.Failing), Key(XunitFixtureProject.Flaky)], retry, start.AddSeconds(6), start.AddSeconds(9), UnitExit.TestsFailed, "exit code 1") { Results = Read(retry) },
        ];
        return new RunRecord("real-1", "commit", start, start.AddSeconds(10), false, units, [], new RunPhases { Execute = TimeSpan.FromSeconds(9) });
    }

    /// <summary>A unit's results as its runner reads them when it ends.</summary>
    private static IReadOnlyList<TestCaseResult> Read(string trx) => UnitResultReader.TryReadTrx(trx, new SecretRedactor()) ?? throw new InvalidDataException($"'{trx}' is not readable.");

    [Fact]
    public async Task Real_xunit_trx_is_read_with_keys_outcomes_and_messages()
    {
        var (first, _) = await fixture.RunAndRetryAsync();

        var run = TrxReader.Read(first);

        Assert.Equal(4, run.Results.Count);
        Assert.All(run.Results, result => Assert.Equal(XunitFixtureProject.AssemblyName, result.Key.Assembly));
        var failing = Assert.Single(run.Results, result => result.Key.FullyQualifiedName == XunitFixtureProject.Failing);
        Assert.Equal(TrxOutcome.Failed, failing.Outcome);
        Assert.Contains("Assert.Equal() Failure", failing.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Divides_badly", failing.StackTrace, StringComparison.Ordinal);
        Assert.Equal(TrxOutcome.NotExecuted, Assert.Single(run.Results, result => result.Key.FullyQualifiedName == XunitFixtureProject.Skipped).Outcome);
        Assert.Equal(TrxOutcome.Passed, Assert.Single(run.Results, result => result.Key.FullyQualifiedName == XunitFixtureProject.Passing).Outcome);
        Assert.All(run.Results, result => Assert.False(string.IsNullOrEmpty(result.ExecutionId)));
    }

    [Fact]
    public async Task A_real_run_and_its_retry_merge_into_flaky_and_failed_tests_with_every_attempt_kept()
    {
        var record = await RecordAsync();
        var output = Path.Combine(_directory, "results");

        var verdict = await ResultsReporter.WriteAsync(record, new ReportOptions(output) { StepSummaryPath = null }, CancellationToken.None);

        Assert.Equal("2 passed, 1 failed, 1 skipped", verdict.SummaryLine);
        Assert.Equal((1, 1, 1, 1), (verdict.Passed, verdict.Failed, verdict.Flaky, verdict.Skipped));
        Assert.Equal(1, verdict.ExitCode);

        var trx = XDocument.Load(Path.Combine(output, "unit.trx"));
        // One top-level result per test (what TRX consumers count); the flaky and the failing test keep both attempts inside.
        Assert.Equal(4, trx.Root!.Element(_trx + "Results")!.Elements(_trx + "UnitTestResult").Count());
        Assert.Equal(8, trx.Descendants(_trx + "UnitTestResult").Count());
        Assert.Equal(4, trx.Descendants(_trx + "UnitTest").Count());
        var counters = trx.Descendants(_trx + "Counters").Single();
        Assert.Equal(("4", "2", "1", "1"), (counters.Attribute("total")!.Value, counters.Attribute("passed")!.Value, counters.Attribute("failed")!.Value, counters.Attribute("notExecuted")!.Value));

        var junit = XDocument.Load(Path.Combine(output, "unit.junit.xml"));
        var flaky = junit.Descendants("testcase").Single(c => c.Attribute("name")!.Value == XunitFixtureProject.Flaky);
        Assert.Equal("first run fails", Assert.Single(flaky.Elements("flakyFailure")).Attribute("message")!.Value);
        var failing = junit.Descendants("testcase").Single(c => c.Attribute("name")!.Value == XunitFixtureProject.Failing);
        Assert.Single(failing.Elements("failure"));
        Assert.Single(failing.Elements("rerunFailure"));
    }

    [Fact]
    public async Task A_real_xunit_failure_is_annotated_at_its_line_of_the_test_source()
    {
        var record = await RecordAsync();
        var report = await ResultsReporter.WriteReportAsync(record, new ReportOptions(Path.Combine(_directory, "results")) { StepSummaryPath = null }, CancellationToken.None);

        var lines = FailureAnnotations.Render(report.Tests, new GitHubWorkflowCommands(), XunitFixtureProject.SourceDirectory).Split('\n');

        Assert.Equal("::group::unit-none#1#retry1: 1 failed", lines[0]);
        Assert.StartsWith($"::error file=CalcTests.cs,line=11,title={XunitFixtureProject.Failing}::Assert.Equal() Failure", lines[1], StringComparison.Ordinal);
        Assert.Equal(["::endgroup::", ""], lines[2..]);
    }

    [Fact]
    public async Task Orchestrator_merge_combines_result_directories_and_prints_the_summary_line_last()
    {
        var record = await RecordAsync();
        var shard = Path.Combine(_directory, "shard");
        await ResultsReporter.WriteAsync(record, new ReportOptions(shard) { StepSummaryPath = null }, CancellationToken.None);
        var merged = Path.Combine(_directory, "merged");

        var result = await OrchestratorProcess.RunAsync(["merge", shard, "--output", merged], CancellationToken.None);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("2 passed, 1 failed, 1 skipped", result.StandardOutput.TrimEnd().Split('\n')[^1]);
        Assert.True(File.Exists(Path.Combine(merged, "unit.trx")));
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Fact]
    public async Task Orchestrator_merge_says_which_directory_lacks_a_run_record()
    {
        var result = await OrchestratorProcess.RunAsync(["merge", _directory, "--output", Path.Combine(_directory, "out")], CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine(_directory, "run.json"), result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Resource", "chromium")]
    public async Task Html_report_shows_counts_failures_and_a_timeline_element_per_unit_in_chromium()
    {
        var record = await RecordAsync();
        record = record with
        {
            Containers = [new ContainerLifetime("postgres-1", "postgres", "c1", record.StartedAt, record.StartedAt.AddSeconds(1), record.FinishedAt, ["unit-none"])],
        };
        var output = Path.Combine(_directory, "results");
        await ResultsReporter.WriteAsync(record, new ReportOptions(output) { StepSummaryPath = null }, CancellationToken.None);

        var dom = await Chromium.DumpDomAsync(Path.Combine(output, "report.html"), CancellationToken.None);

        Assert.Contains("data-ready=\"true\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-units=\"2\"", dom, StringComparison.Ordinal);
        Assert.Matches(SummaryLine(), dom);
        Assert.Contains($"data-test=\"{XunitFixtureProject.Failing}\"", dom, StringComparison.Ordinal);
        Assert.Contains("<td class=\"count-flaky\">1</td>", dom, StringComparison.Ordinal);
        Assert.Equal(2, UnitRect().Count(dom));
        Assert.Contains("data-container=\"postgres-1\"", dom, StringComparison.Ordinal);
        Assert.Matches(OpenFailure(), dom);
    }

    [Fact]
    [Trait("Resource", "chromium")]
    public async Task Html_report_fits_a_1280_pixel_window_with_long_names_and_filters_and_sorts_rows_in_chromium()
    {
        var run = await MergedWithLongNamesAsync();
        var page = Path.Combine(_directory, "report.html");
        await File.WriteAllTextAsync(page, HtmlReportWriter.Render(run));

        var dom = await Chromium.DumpDomAsync(page, Probe, 1280, 900, CancellationToken.None);

        using var answers = JsonDocument.Parse(WebUtility.HtmlDecode(ProbeAnswers().Match(dom).Groups[1].Value));
        var answer = answers.RootElement;
        Assert.True(answer.GetProperty("longestName").GetInt32() >= 200);
        Assert.Equal(1280, answer.GetProperty("windowWidth").GetInt32());
        // The viewport is the window less a vertical scroll bar, if the platform draws one.
        var viewport = answer.GetProperty("viewportWidth").GetInt32();
        Assert.InRange(viewport, 1200, 1280);
        Assert.True(answer.GetProperty("scrollWidth").GetInt32() <= viewport, $"the page scrolls sideways: {answer}");
        Assert.True(answer.GetProperty("columnsRight").GetDouble() <= viewport, $"the outcome, duration and attempts columns end outside the viewport: {answer}");
        Assert.True(answer.GetProperty("sectionsRight").GetDouble() <= viewport, $"failures, flaky tests, problems or the timeline end outside the viewport: {answer}");
        Assert.Equal(["failed", "failed"], Strings(answer.GetProperty("failedOnly")));
        Assert.Equal([XunitFixtureProject.Failing], Strings(answer.GetProperty("failedAndText")));
        Assert.Equal(run.Tests.Count(), answer.GetProperty("allAgain").GetInt32());
        var slowestFirst = Groups(answer.GetProperty("slowestFirst"));
        var fastestFirst = Groups(answer.GetProperty("fastestFirst"));
        Assert.Contains(slowestFirst, group => group.Count == 4);
        Assert.All(slowestFirst, group => Assert.Equal(group.OrderDescending(), group));
        Assert.All(fastestFirst, group => Assert.Equal(group.Order(), group));
        var flat = answer.GetProperty("flatFastestFirst").EnumerateArray().Select(ms => ms.GetDouble()).ToList();
        Assert.Equal(run.Tests.Count(), flat.Count);
        Assert.Equal(flat.Order(), flat);
        Assert.True(answer.GetProperty("scrollWidthAfter").GetInt32() <= viewport, $"the page scrolls sideways once filtered and sorted: {answer}");
    }

    /// <summary>
    /// The real run, plus copies of its failing and passing tests under 200-character NUnit-style names with arguments
    /// (quotes, parentheses, no space to break at) in a long-named class, a long partition, long output and a long problem.
    /// </summary>
    private async Task<MergedRun> MergedWithLongNamesAsync()
    {
        var record = await RecordAsync();
        record = record with
        {
            Problems = [new RunProblem(ProblemSeverity.Warning, "/" + string.Join('/', Enumerable.Repeat("a-rather-long-directory-name", 10)) + "/Ledger.Tests.csproj", "Its tests have no layer and run as unit.")],
        };
        var run = ResultsMerger.Merge(record, ["unit"], QuarantineMatcher.None, false, new SecretRedactor());
        var layer = Assert.Single(run.Layers);
        var failing = layer.Tests.Single(test => test.Key.FullyQualifiedName == XunitFixtureProject.Failing);
        var passing = layer.Tests.Single(test => test.Key.FullyQualifiedName == XunitFixtureProject.Passing);
        MergedTest[] longNamed =
        [
            Renamed(failing, "Posts_an_entry_for_every_currency") with
            {
                Attempts = [.. failing.Attempts.Select(attempt => attempt with { Result = attempt.Result with { StdOut = new string('o', 3000) } })],
            },
            Renamed(passing, "Reconciles_the_ledger") with { PartitionId = "integration-postgres+rabbitmq+redis-" + new string('p', 60) },
        ];
        return run with { Layers = [layer with { Tests = [.. layer.Tests, .. longNamed] }] };
    }

    private static MergedTest Renamed(MergedTest test, string method)
    {
        const string className = "Fx.Sample.Ledger.Postings.Reconciliation.Nightly.Settlement.CrossCurrency.PostingTests";
        var name = $"{className}.{method}(\"{new string('x', 90)}\",{string.Join(',', Enumerable.Range(1000, 8))},(1.5m,\"EUR\"))";
        return test with { Key = new TestKey(XunitFixtureProject.AssemblyName, name), DisplayName = name, TestId = Guid.NewGuid().ToString() };
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    private static List<List<double>> Groups(JsonElement array) =>
        [.. array.EnumerateArray().Select(group => group.EnumerateArray().Select(ms => ms.GetDouble()).ToList())];

    /// <summary>
    /// Measures the page in the window, then clicks like a reader: the "failed" filter, the text filter on top, "all",
    /// the Duration header twice, and the grouping off. Writes the answers as JSON into <c>body[data-probe]</c>.
    /// </summary>
    private const string Probe = """
        (function () {
          var answers = {};
          var root = document.documentElement;
          function all(selector, scope) { return Array.prototype.slice.call((scope || document).querySelectorAll(selector)); }
          function visibleRows() { return all('#tests tr.test').filter(function (tr) { return tr.getClientRects().length > 0; }); }
          function ms(tr) { return Number(tr.querySelector('td.duration').getAttribute('data-ms')); }
          function rightEdge(selector) { return Math.max.apply(null, all(selector).map(function (element) { return element.getBoundingClientRect().right; })); }
          function type(text) { var filter = document.getElementById('filter'); filter.value = text; filter.dispatchEvent(new Event('input')); }
          answers.windowWidth = window.innerWidth;
          answers.viewportWidth = root.clientWidth;
          answers.scrollWidth = root.scrollWidth;
          answers.longestName = Math.max.apply(null, visibleRows().map(function (tr) { return tr.querySelector('td.name').textContent.length; }));
          answers.columnsRight = rightEdge('#tests thead th, #tests td.outcome, #tests td.duration, #tests td.attempts');
          answers.sectionsRight = rightEdge('details.failure pre, #flaky td, #timeline svg, #problems li, #tests tr.class-header th');
          document.querySelector('#outcome-filters button[data-outcome="failed"]').click();
          answers.failedOnly = visibleRows().map(function (tr) { return tr.getAttribute('data-outcome'); });
          type('divides');
          answers.failedAndText = visibleRows().map(function (tr) { return tr.querySelector('td.name').textContent; });
          type('');
          document.getElementById('outcome-all').click();
          answers.allAgain = visibleRows().length;
          function groups() { return all('#tests tbody.class').map(function (body) { return all('tr.test', body).map(ms); }); }
          document.getElementById('sort-duration').click();
          answers.slowestFirst = groups();
          document.getElementById('sort-duration').click();
          answers.fastestFirst = groups();
          document.getElementById('group-tests').click();
          answers.flatFastestFirst = visibleRows().map(ms);
          answers.scrollWidthAfter = root.scrollWidth;
          document.body.setAttribute('data-probe', JSON.stringify(answers));
        })();
        """;

    [GeneratedRegex("data-probe=\"([^\"]*)\"")]
    private static partial Regex ProbeAnswers();

    [GeneratedRegex("id=\"summary-line\"[^>]*>1 passed, 1 flaky, 1 failed, 1 skipped<")]
    private static partial Regex SummaryLine();

    [GeneratedRegex("<rect class=\"unit ")]
    private static partial Regex UnitRect();

    // The script opens the first failures: proof that it ran.
    [GeneratedRegex("<details class=\"failure\"[^>]*open")]
    private static partial Regex OpenFailure();
}
