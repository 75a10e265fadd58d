using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Results.Trx;
using Orchestrator.Security;
using Orchestrator.Tests.Reporting;
using Xunit;

namespace Orchestrator.Tests.Execution;

[Trait("Category", "Unit")]
public sealed class UnitResultReaderTests : IDisposable
{
    private const string Secret = "s3cr3t-pa55word";
    private const string Source = "/repo/artifacts/bin/App.Tests/release/App.Tests.dll";

    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-unit-results-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static SecretRedactor Redactor()
    {
        var redactor = new SecretRedactor();
        redactor.Register(Secret);
        return redactor;
    }

    [Fact]
    public void The_streamed_results_of_a_killed_unit_have_their_keys_outcomes_and_messages()
    {
        LiveTestResult[] streamed =
        [
            new("App.Tests.Orders.Saves", "Saves", Source, TestResultOutcome.Passed, TimeSpan.FromMilliseconds(120), null),
            new("App.Tests.Orders.Rejects", "Rejects", Source, TestResultOutcome.Failed, TimeSpan.FromSeconds(1), "expected 2 <but> was 3 & more"),
            new("App.Tests.Prices.Rounds", "Rounds(value: 1.5)", Source, TestResultOutcome.Passed, TimeSpan.Zero, null),
            new("App.Tests.Prices.Rounds", "Rounds(value: 2.5)", Source, TestResultOutcome.Skipped, TimeSpan.Zero, null),
            new("App.Tests.Orders.Unknown", "Unknown", Source, TestResultOutcome.None, TimeSpan.Zero, null),
        ];

        var results = UnitResultReader.FromLive(streamed, DateTimeOffset.UtcNow, new SecretRedactor());

        Assert.Equal(
            [
                (new TestKey("App.Tests", "App.Tests.Orders.Rejects"), TrxOutcome.Failed),
                (new TestKey("App.Tests", "App.Tests.Orders.Saves"), TrxOutcome.Passed),
                (new TestKey("App.Tests", "App.Tests.Prices.Rounds"), TrxOutcome.Passed),
                (new TestKey("App.Tests", "App.Tests.Prices.Rounds"), TrxOutcome.NotExecuted),
            ],
            results.Select(result => (result.Key, result.Outcome)).OrderBy(pair => pair.Key.FullyQualifiedName, StringComparer.Ordinal).ThenBy(pair => pair.Outcome));
        // Theory rows keep their own display names.
        Assert.Equal(["Rounds(value: 1.5)", "Rounds(value: 2.5)"], results.Where(result => result.Key.FullyQualifiedName.EndsWith("Rounds", StringComparison.Ordinal)).Select(result => result.DisplayName).Order(StringComparer.Ordinal));
        Assert.Equal("expected 2 <but> was 3 & more", results.Single(result => result.Outcome == TrxOutcome.Failed).ErrorMessage);
        Assert.Equal(TimeSpan.FromSeconds(1), results.Single(result => result.Outcome == TrxOutcome.Failed).Duration);
    }

    [Fact]
    public async Task A_secret_in_a_units_trx_is_masked_once_when_read_and_in_every_report_made_without_the_trx()
    {
        var key = Sample.Key("Db.Connects");
        var trx = Path.Combine(_directory, "unit.trx");
        await File.WriteAllTextAsync(trx, TrxText(key, $"Connects(\"{Secret}\")", $"login failed for {Secret}", $"connecting with {Secret}"));

        var results = UnitResultReader.TryReadTrx(trx, Redactor());

        var result = Assert.Single(results!);
        Assert.Equal("Connects(\"***\")", result.DisplayName);
        Assert.Equal("login failed for ***", result.ErrorMessage);
        Assert.Equal("connecting with ***", result.StdOut);
        Assert.Equal("   at App.Tests.Db.Connects() with ***", result.StackTrace);
        Assert.Equal(result.DisplayName, result.Definition.Name);

        // The reports come from the typed results alone: the unit's TRX is gone, and the reporter has no secret to mask.
        File.Delete(trx);
        var unit = Sample.Unit("u", [key], exit: UnitExit.TestsFailed) with { TrxPath = null, Results = results! };
        var output = Path.Combine(_directory, "results");
        var report = await ResultsReporter.WriteReportAsync(Sample.Record([unit]), new ReportOptions(output) { StepSummaryPath = null }, CancellationToken.None);

        Assert.Equal("0 passed, 1 failed, 0 skipped", report.Verdict.SummaryLine);
        Assert.Empty(report.Warnings);
        foreach (var file in Directory.GetFiles(output, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        Assert.Contains("connecting with ***", await File.ReadAllTextAsync(Path.Combine(output, "unit.trx")), StringComparison.Ordinal);
        Assert.Contains("login failed for ***", await File.ReadAllTextAsync(Path.Combine(output, "unit.junit.xml")), StringComparison.Ordinal);
        Assert.Contains("login failed for ***", await File.ReadAllTextAsync(Path.Combine(output, ResultsReporter.HtmlFileName)), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(output, "*.trx", SearchOption.AllDirectories), path => path.Contains(ResultsReporter.UnitsDirectoryName, StringComparison.Ordinal));
    }

    [Fact]
    public void A_crashed_unit_with_only_streamed_results_merges_them_with_its_retry_and_reports_the_rest_as_not_run()
    {
        var saves = Sample.Key("Orders.Saves");
        var rejects = Sample.Key("Orders.Rejects");
        var lost = Sample.Key("Orders.Lost");
        var rejectsId = Guid.NewGuid();
        var crashedAt = Sample.Origin.AddSeconds(10);
        LiveTestResult[] streamed =
        [
            new(saves.FullyQualifiedName, saves.FullyQualifiedName, Source, TestResultOutcome.Passed, TimeSpan.FromMilliseconds(200), null),
            new(rejects.FullyQualifiedName, rejects.FullyQualifiedName, Source, TestResultOutcome.Failed, TimeSpan.FromSeconds(1), "boom") { Id = rejectsId },
        ];
        var crashed = Sample.Unit("u", [saves, rejects, lost], exit: UnitExit.Crashed, detail: "exit code 134") with
        {
            TrxPath = null,
            Results = UnitResultReader.FromLive(streamed, crashedAt, new SecretRedactor()),
        };
        var retry = Sample.Unit("u", [rejects, lost], attempt: 1, exit: UnitExit.Crashed, detail: "exit code 134", startSeconds: 20) with
        {
            Results = [Sample.Result(rejects, TrxOutcome.Passed, testId: rejectsId.ToString(), startSeconds: 21)],
        };

        var run = ResultsMerger.Merge(Sample.Record([crashed, retry]), ["unit"], QuarantineMatcher.None, false, new SecretRedactor());

        Assert.Equal(TestOutcome.Passed, Assert.Single(run.Tests, test => test.Key == saves).Outcome);
        var flaky = Assert.Single(run.Tests, test => test.Key == rejects);
        Assert.Equal(TestOutcome.Flaky, flaky.Outcome);
        Assert.Equal([TrxOutcome.Failed, TrxOutcome.Passed], flaky.Attempts.Select(attempt => attempt.Result.Outcome));
        Assert.Equal(crashedAt, flaky.Attempts[0].Result.EndTime);
        var notRun = Assert.Single(run.Tests, test => test.Key == lost);
        Assert.Equal(TestOutcome.NotRun, notRun.Outcome);
        Assert.StartsWith("not run: test host crashed", notRun.FailureMessage, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1), (run.Verdict.Passed, run.Verdict.Flaky, run.Verdict.NotRun));
    }

    private static string TrxText(TestKey key, string displayName, string message, string stdOut)
    {
        var id = Guid.NewGuid();
        var dot = key.FullyQualifiedName.LastIndexOf('.');
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="{Guid.NewGuid()}" name="t" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult executionId="{Guid.NewGuid()}" testId="{id}" testName="{displayName.Replace("\"", "&quot;", StringComparison.Ordinal)}" computerName="vm" duration="00:00:00.2500000" startTime="2026-11-24T12:00:02+00:00" endTime="2026-11-24T12:00:03+00:00" outcome="Failed">
                  <Output><StdOut>{stdOut}</StdOut><ErrorInfo><Message>{message}</Message><StackTrace>   at {key.FullyQualifiedName}() with {Secret}</StackTrace></ErrorInfo></Output>
                </UnitTestResult>
              </Results>
              <TestDefinitions>
                <UnitTest name="{displayName.Replace("\"", "&quot;", StringComparison.Ordinal)}" storage="/src/bin/app.tests.dll" id="{id}">
                  <TestMethod codeBase="/src/bin/{key.Assembly}.dll" className="{key.FullyQualifiedName[..dot]}" name="{key.FullyQualifiedName[(dot + 1)..]}" />
                </UnitTest>
              </TestDefinitions>
            </TestRun>
            """;
    }
}
