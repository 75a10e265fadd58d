using System.Text.RegularExpressions;
using System.Xml.Linq;
using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
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
            new("unit-none#1", "unit-none", "unit", ResourceSet.None, 0, 0, all, first, start, start.AddSeconds(5), UnitExit.TestsFailed, "exit code 1"),
            new("unit-none#1#retry1", "unit-none", "unit", ResourceSet.None, 1, 0, [Key(XunitFixtureProject.Failing), Key(XunitFixtureProject.Flaky)], retry, start.AddSeconds(6), start.AddSeconds(9), UnitExit.TestsFailed, "exit code 1"),
        ];
        return new RunRecord("real-1", "commit", start, start.AddSeconds(10), false, units, [], new Dictionary<string, TimeSpan> { ["execute"] = TimeSpan.FromSeconds(9) });
    }

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

    [GeneratedRegex("id=\"summary-line\"[^>]*>2 passed, 1 failed, 1 skipped<")]
    private static partial Regex SummaryLine();

    [GeneratedRegex("<rect class=\"unit ")]
    private static partial Regex UnitRect();

    // The script opens the first failures: proof that it ran.
    [GeneratedRegex("<details class=\"failure\"[^>]*open")]
    private static partial Regex OpenFailure();
}
