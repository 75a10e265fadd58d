using Orchestrator.Coverage;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Security;
using Orchestrator.Tests.Coverage;
using Xunit;

namespace Orchestrator.Tests.Reporting;

[Trait("Category", "Integration")]
public sealed class ResultsReporterTests : IDisposable
{
    private const string Secret = "pw-7f3a9c1e5b";

    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string TrxText(string testName, string outcome, string message) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="{Guid.NewGuid()}" name="t" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Times creation="2026-11-24T12:00:05+00:00" queuing="2026-11-24T12:00:01+00:00" start="2026-11-24T12:00:01+00:00" finish="2026-11-24T12:00:05+00:00" />
          <Results>
            <UnitTestResult executionId="{Guid.NewGuid()}" testId="{Sample.IdOf(Sample.Key(testName))}" testName="App.Tests.{testName}" computerName="vm" duration="00:00:00.2500000" startTime="2026-11-24T12:00:02+00:00" endTime="2026-11-24T12:00:03+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="{outcome}" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d">
              <Output><StdOut>connecting with {Secret}</StdOut><ErrorInfo><Message>{message}</Message></ErrorInfo></Output>
            </UnitTestResult>
          </Results>
          <TestDefinitions>
            <UnitTest name="App.Tests.{testName}" storage="/src/bin/app.tests.dll" id="{Sample.IdOf(Sample.Key(testName))}">
              <TestMethod codeBase="/src/bin/App.Tests.dll" adapterTypeName="executor://xunit/VsTestRunner3/netcore/" className="App.Tests.{testName[..testName.LastIndexOf('.')]}" name="{testName[(testName.LastIndexOf('.') + 1)..]}" />
            </UnitTest>
          </TestDefinitions>
        </TestRun>
        """;

    private static async Task<RunRecord> WriteUnitsAsync(string root, string prefix, double startSeconds)
    {
        Directory.CreateDirectory(root);
        var passing = Sample.Key(prefix + ".Passes");
        var failing = Sample.Key(prefix + ".Fails");
        var crashed = Sample.Key(prefix + ".NeverRuns");
        var integrationTrx = Path.Combine(root, prefix + "-integration.trx");
        var unitTrx = Path.Combine(root, prefix + "-unit.trx");
        await File.WriteAllTextAsync(unitTrx, TrxText(prefix + ".Passes", "Passed", ""));
        await File.WriteAllTextAsync(integrationTrx, TrxText(prefix + ".Fails", "Failed", $"login failed for {Secret}"));
        UnitRun[] units =
        [
            Sample.Unit(prefix + "-unit", [passing], startSeconds: startSeconds) with { TrxPath = unitTrx, Results = Read(unitTrx) },
            Sample.Unit(prefix + "-integration", [failing, crashed], layer: "integration", partition: "integration-postgres", exit: UnitExit.Crashed, detail: $"exit code 134, Password={Secret}", startSeconds: startSeconds + 1) with { TrxPath = integrationTrx, Results = Read(integrationTrx), Resources = ResourceSet.Of("postgres") },
        ];
        var container = new ContainerLifetime("postgres-1", "postgres", "c1", Sample.Origin, Sample.Origin.AddSeconds(1), Sample.Origin.AddSeconds(20), ["integration-postgres"]);
        return Sample.Record(units, containers: [container]) with { RunId = "run-" + prefix };
    }

    /// <summary>A unit's results as its runner reads them when it ends: once, redacted.</summary>
    private static IReadOnlyList<TestCaseResult> Read(string trx) => UnitResultReader.TryReadTrx(trx, Redactor()) ?? [];

    private ReportOptions Options(string directory, SecretRedactor redactor) => new(directory)
    {
        Redactor = redactor,
        TimingsPath = Path.Combine(_directory, "timings.json"),
        StepSummaryPath = Path.Combine(_directory, "step-summary.md"),
    };

    private static SecretRedactor Redactor()
    {
        var redactor = new SecretRedactor();
        redactor.Register(Secret);
        return redactor;
    }

    [Fact]
    public async Task Writes_per_layer_trx_and_junit_summary_html_run_record_and_timings()
    {
        var record = await WriteUnitsAsync(Path.Combine(_directory, "raw"), "A", 0);
        var output = Path.Combine(_directory, "results");

        var verdict = await ResultsReporter.WriteAsync(record, Options(output, Redactor()), CancellationToken.None);

        Assert.Equal("1 passed, 2 failed, 0 skipped", verdict.SummaryLine);
        Assert.Equal(1, verdict.ExitCode);
        foreach (var file in (string[])["unit.trx", "unit.junit.xml", "integration.trx", "integration.junit.xml", "summary.md", "report.html", "run.json"])
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} was not written");
        }
        Assert.Equal(2, Directory.GetFiles(Path.Combine(output, "units"), "*.trx").Length);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(output, "units"), "*" + UnitResultsStore.Extension).Length);
        Assert.Equal(verdict, (await RunRecordStore.ReadAsync(Path.Combine(output, RunRecordStore.FileName), CancellationToken.None)).Verdict);
        var timings = TimingStore.Load(Path.Combine(_directory, "timings.json")).History;
        Assert.Equal(["App.Tests.A.Fails", "App.Tests.A.Passes"], timings.Keys.Select(key => key.FullyQualifiedName).Order());
    }

    [Fact]
    public async Task No_secret_reaches_any_output_file()
    {
        var record = await WriteUnitsAsync(Path.Combine(_directory, "raw"), "A", 0);
        var output = Path.Combine(_directory, "results");

        await ResultsReporter.WriteAsync(record, Options(output, Redactor()), CancellationToken.None);

        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Append(Path.Combine(_directory, "step-summary.md")).ToList();
        Assert.True(files.Count >= 9);
        foreach (var file in files)
        {
            Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        Assert.Contains("Password=***", await File.ReadAllTextAsync(Path.Combine(output, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_is_appended_to_the_step_summary_file()
    {
        var record = await WriteUnitsAsync(Path.Combine(_directory, "raw"), "A", 0);
        var stepSummary = Path.Combine(_directory, "step-summary.md");
        await File.WriteAllTextAsync(stepSummary, "previous step\n");

        await ResultsReporter.WriteAsync(record, Options(Path.Combine(_directory, "results"), Redactor()), CancellationToken.None);

        var text = await File.ReadAllTextAsync(stepSummary);
        Assert.StartsWith("previous step\n", text, StringComparison.Ordinal);
        Assert.Contains("**1 passed, 2 failed, 0 skipped**", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_unit_results_file_is_a_warning_of_the_merge_and_its_tests_are_not_run()
    {
        var shard = Path.Combine(_directory, "shard");
        await ResultsReporter.WriteAsync(await WriteUnitsAsync(Path.Combine(_directory, "raw"), "A", 0), Options(shard, Redactor()) with { TimingsPath = null, StepSummaryPath = null }, CancellationToken.None);
        var written = await RunRecordStore.ReadAsync(Path.Combine(shard, RunRecordStore.FileName), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(shard, written.Units[0].ResultsPath!), "[{\"key\":");

        var report = await ResultsReporter.MergeDirectoriesAsync([shard], Options(Path.Combine(_directory, "results"), Redactor()), CancellationToken.None);

        Assert.Contains(report.Warnings, warning => warning.Contains("could not be read", StringComparison.Ordinal));
        Assert.Equal("0 passed, 3 failed, 0 skipped", report.Verdict.SummaryLine);
    }

    [Fact]
    public async Task A_unit_whose_stored_files_are_missing_is_not_run_for_that_cause_and_no_warning_says_its_results_are_in_the_reports()
    {
        var shard = Path.Combine(_directory, "shard");
        var record = await WriteUnitsAsync(Path.Combine(_directory, "raw"), "A", 0);
        record = record with { Units = [record.Units[0] with { ExitDetail = "1 result(s), all passed or skipped." }, .. record.Units.Skip(1)] };
        await ResultsReporter.WriteAsync(record, Options(shard, Redactor()) with { TimingsPath = null, StepSummaryPath = null }, CancellationToken.None);
        var written = await RunRecordStore.ReadAsync(Path.Combine(shard, RunRecordStore.FileName), CancellationToken.None);
        File.Delete(Path.Combine(shard, written.Units[0].ResultsPath!));
        File.Delete(Path.Combine(shard, written.Units[0].TrxPath!));
        var output = Path.Combine(_directory, "results");

        var report = await ResultsReporter.MergeDirectoriesAsync([shard], Options(output, Redactor()) with { TimingsPath = null, StepSummaryPath = null }, CancellationToken.None);

        Assert.Contains(report.Warnings, warning => warning.Contains("could not be read", StringComparison.Ordinal) && warning.Contains("A-unit", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Warnings, warning => warning.Contains("all the same", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, warning => warning.Contains("could not be read either", StringComparison.Ordinal));
        var summary = await File.ReadAllTextAsync(Path.Combine(output, "summary.md"));
        Assert.Contains("not run: the stored results of its unit could not be read (", summary, StringComparison.Ordinal);
        Assert.Contains("the test process had reported: 1 result(s), all passed or skipped.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("reported no result", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merging_the_persisted_results_of_a_run_gives_the_runs_own_reports()
    {
        var own = Path.Combine(_directory, "own");
        var record = await WriteUnitsAsync(Path.Combine(_directory, "raw"), "A", 0);
        var quiet = Options(own, Redactor()) with { TimingsPath = null, StepSummaryPath = null };
        var written = await ResultsReporter.WriteReportAsync(record, quiet, CancellationToken.None);
        // Another process merges: it has neither the raw unit files nor the secrets.
        Directory.Delete(Path.Combine(_directory, "raw"), recursive: true);
        var merged = Path.Combine(_directory, "merged");

        var report = await ResultsReporter.MergeDirectoriesAsync([own], quiet with { ResultsDirectory = merged, Redactor = new SecretRedactor() }, CancellationToken.None);

        Assert.Equal(written.Verdict, report.Verdict);
        Assert.Empty(report.Warnings);
        Assert.Equal(written.Tests.Select(Fingerprint), report.Tests.Select(Fingerprint));
        foreach (var file in (string[])[ResultsReporter.SummaryFileName, "unit.junit.xml", "integration.junit.xml"])
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(own, file)), await File.ReadAllTextAsync(Path.Combine(merged, file)));
        }
    }

    /// <summary>Everything a report shows of a merged test and its attempts.</summary>
    private static string Fingerprint(MergedTest test) => string.Join(
        '|',
        new object?[] { test.Layer, test.PartitionId, test.Key, test.DisplayName, test.TestId, test.Outcome, test.FailureMessage, test.Duration }
            .Concat(test.Attempts.SelectMany(attempt => new object?[]
            {
                attempt.Unit.UnitId, attempt.Result.Key, attempt.Result.DisplayName, attempt.Result.Outcome, attempt.Result.Duration, attempt.Result.StartTime,
                attempt.Result.EndTime, attempt.Result.ErrorMessage, attempt.Result.StackTrace, attempt.Result.StdOut, attempt.Result.StdErr,
                attempt.Result.TestId, attempt.Result.ExecutionId, attempt.Result.ComputerName, attempt.Result.Definition,
            }))
            .Concat(test.NotRun.Select(notRun => (object?)$"{notRun.Unit.UnitId}:{notRun.Reason}")));

    [Fact]
    public async Task Result_directories_of_two_shards_merge_into_one_report()
    {
        var shardA = Path.Combine(_directory, "shard-a");
        var shardB = Path.Combine(_directory, "shard-b");
        await ResultsReporter.WriteAsync(await WriteUnitsAsync(Path.Combine(_directory, "raw-a"), "A", 0), Options(shardA, Redactor()) with { TimingsPath = null, StepSummaryPath = null }, CancellationToken.None);
        await ResultsReporter.WriteAsync(await WriteUnitsAsync(Path.Combine(_directory, "raw-b"), "B", 5), Options(shardB, Redactor()) with { TimingsPath = null, StepSummaryPath = null }, CancellationToken.None);
        Directory.Delete(Path.Combine(_directory, "raw-a"), recursive: true);
        Directory.Delete(Path.Combine(_directory, "raw-b"), recursive: true);
        var merged = Path.Combine(_directory, "merged");

        var report = await ResultsReporter.MergeDirectoriesAsync([shardA, shardB], Options(merged, new SecretRedactor()) with { TimingsPath = null, StepSummaryPath = null }, CancellationToken.None);

        Assert.Equal("2 passed, 4 failed, 0 skipped", report.Verdict.SummaryLine);
        Assert.Empty(report.Warnings);
        var record = await RunRecordStore.ReadAsync(Path.Combine(merged, "run.json"), CancellationToken.None);
        Assert.Equal("run-A+run-B", record.RunId);
        Assert.Equal(4, record.Units.Count);
        Assert.Equal(2, record.Containers.Count);
        Assert.Equal(ResourceSet.Of("postgres"), record.Units.First(unit => unit.Layer == "integration").Resources);
    }

    [Fact]
    public async Task Coverage_of_two_shards_merges_into_one_cobertura_file_with_every_path_either_took()
    {
        var shardA = Path.Combine(_directory, "shard-a");
        var shardB = Path.Combine(_directory, "shard-b");
        await ResultsReporter.WriteAsync(await WithCoverageAsync(await WriteUnitsAsync(Path.Combine(_directory, "raw-a"), "A", 0), takenPath: 0), Options(shardA, Redactor()) with { TimingsPath = null, StepSummaryPath = null }, CancellationToken.None);
        await ResultsReporter.WriteAsync(await WithCoverageAsync(await WriteUnitsAsync(Path.Combine(_directory, "raw-b"), "B", 5), takenPath: 1), Options(shardB, Redactor()) with { TimingsPath = null, StepSummaryPath = null }, CancellationToken.None);
        Directory.Delete(Path.Combine(_directory, "raw-a"), recursive: true);
        Directory.Delete(Path.Combine(_directory, "raw-b"), recursive: true);
        var merged = Path.Combine(_directory, "merged");

        var report = await ResultsReporter.MergeDirectoriesAsync([shardA, shardB], Options(merged, new SecretRedactor()) with { TimingsPath = null, StepSummaryPath = null }, CancellationToken.None);

        Assert.Empty(report.Warnings);
        Assert.Equal(new CoverageFigures(2, 2, 2, 2), report.Coverage!.Run.Figures);
        var layer = Assert.Single(report.Coverage.Layers);
        Assert.Equal(("unit", new CoverageFigures(2, 2, 2, 2)), (layer.Name, layer.Figures));
        var root = System.Xml.Linq.XDocument.Load(Path.Combine(merged, CoverageReport.RunFileName)).Root!;
        Assert.Equal("2", root.Attribute("branches-covered")!.Value);
        Assert.Contains(Path.Combine(merged, CoverageReport.RunFileName), report.Files);
        Assert.Contains("| **all** | 100% (2/2) | 100% (2/2) | `coverage.cobertura.xml` |", report.Summary, StringComparison.Ordinal);
    }

    /// <summary>The record with a coverage file on its unit-layer unit, which took one path of line 10's branch.</summary>
    private static async Task<RunRecord> WithCoverageAsync(RunRecord record, int takenPath)
    {
        var unit = record.Units.First(candidate => candidate.Layer == "unit");
        var file = Path.Combine(Path.GetDirectoryName(unit.TrxPath!)!, "coverage.json");
        await File.WriteAllTextAsync(file, CoverletJsonSample.Of([(10, 1), (12, 1)], [(10, 2, 0, takenPath == 0 ? 1 : 0), (10, 2, 1, takenPath == 1 ? 1 : 0)]));
        return record with { Units = [.. record.Units.Select(candidate => candidate == unit ? candidate with { CoverageFiles = [file] } : candidate)] };
    }

    [Fact]
    public async Task Merging_into_a_directory_that_is_also_an_input_keeps_every_result()
    {
        var shardA = Path.Combine(_directory, "shard-a");
        var shardB = Path.Combine(_directory, "shard-b");
        var quiet = Options(shardA, Redactor()) with { TimingsPath = null, StepSummaryPath = null };
        await ResultsReporter.WriteAsync(await WriteUnitsAsync(Path.Combine(_directory, "raw-a"), "A", 0), quiet, CancellationToken.None);
        await ResultsReporter.WriteAsync(await WriteUnitsAsync(Path.Combine(_directory, "raw-b"), "B", 5), quiet with { ResultsDirectory = shardB }, CancellationToken.None);

        var report = await ResultsReporter.MergeDirectoriesAsync([shardB, shardA], quiet, CancellationToken.None);

        Assert.Equal("2 passed, 4 failed, 0 skipped", report.Verdict.SummaryLine);
        Assert.Empty(report.Warnings);
        Assert.Empty(Directory.GetFiles(Path.Combine(shardA, "units"), "*.staging"));
    }

    [Fact]
    public async Task Units_stored_and_read_at_once_are_still_named_and_warned_about_in_unit_order()
    {
        var raw = Path.Combine(_directory, "raw");
        Directory.CreateDirectory(raw);
        var units = new List<UnitRun>();
        for (var index = 0; index < 12; index++)
        {
            var test = $"Order.T{index}";
            var trx = Path.Combine(raw, $"{index}.trx");
            await File.WriteAllTextAsync(trx, TrxText(test, "Passed", ""));
            // Ids that all map to the same file name: copies are told apart by suffixes given in unit order.
            units.Add(Sample.Unit(index % 2 == 0 ? $"u#{index % 3}" : $"u/{index % 3}", [Sample.Key(test)], startSeconds: index) with { TrxPath = trx, Results = Read(trx) });
        }
        var output = Path.Combine(_directory, "results");
        var quiet = Options(output, Redactor()) with { TimingsPath = null, StepSummaryPath = null };

        await ResultsReporter.WriteReportAsync(Sample.Record(units), quiet, CancellationToken.None);

        var record = await RunRecordStore.ReadAsync(Path.Combine(output, RunRecordStore.FileName), CancellationToken.None);
        for (var index = 0; index < units.Count; index++)
        {
            Assert.Contains($"App.Tests.Order.T{index}\"", await File.ReadAllTextAsync(Path.Combine(output, record.Units[index].TrxPath!)), StringComparison.Ordinal);
            Assert.Contains($"App.Tests.Order.T{index}\"", await File.ReadAllTextAsync(Path.Combine(output, record.Units[index].ResultsPath!)), StringComparison.Ordinal);
        }
        Assert.Equal(
            ["u_0.r0.a0", "u_1.r0.a0", "u_2.r0.a0", "u_0.r0.a0-2", "u_1.r0.a0-2", "u_2.r0.a0-2", "u_0.r0.a0-3", "u_1.r0.a0-3", "u_2.r0.a0-3", "u_0.r0.a0-4", "u_1.r0.a0-4", "u_2.r0.a0-4"],
            record.Units.Select(unit => Path.GetFileNameWithoutExtension(unit.TrxPath!)));
        Assert.Equal(record.Units.Select(unit => Path.ChangeExtension(unit.TrxPath!, null) + UnitResultsStore.Extension), record.Units.Select(unit => unit.ResultsPath));

        int[] broken = [3, 7, 11];
        foreach (var index in broken)
        {
            await File.WriteAllTextAsync(Path.Combine(output, record.Units[index].ResultsPath!), "[");
        }
        var report = await ResultsReporter.MergeDirectoriesAsync([output], quiet with { ResultsDirectory = Path.Combine(_directory, "merged") }, CancellationToken.None);

        Assert.Equal(broken.Select(index => Path.Combine(output, record.Units[index].ResultsPath!)), report.Warnings.Select(warning => warning.Split('\'')[1]));
    }
}
