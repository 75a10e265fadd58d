using System.Globalization;
using System.Text;
using Orchestrator.Execution;
using Orchestrator.Model;
using Orchestrator.Reporting;
using Orchestrator.Results;
using Orchestrator.Security;

namespace Orchestrator.Benchmarks.Reporting;

/// <summary>
/// A synthetic run for merge benchmarks: <c>results</c> test results spread over units of 1,000 tests in two
/// layers, written as TRX files the way VSTest writes them; 2 % of tests fail once and are re-run (flaky).
/// </summary>
internal sealed class TrxSample : IDisposable
{
    private const int TestsPerUnit = 1000;

    private TrxSample(string directory, RunRecord record)
    {
        Directory = directory;
        Record = record;
    }

    public string Directory { get; }

    public RunRecord Record { get; }

    public static TrxSample Create(int results)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("orchestrator-bench-trx-").FullName;
        var origin = DateTimeOffset.UtcNow;
        var units = new List<UnitRun>();
        var written = 0;
        for (var unitIndex = 0; written < results; unitIndex++)
        {
            var count = Math.Min(TestsPerUnit, results - written);
            var layer = unitIndex % 2 == 0 ? "unit" : "integration";
            var keys = Enumerable.Range(written, count).Select(index => new TestKey($"Bench{unitIndex % 7}.Tests", $"Bench.Tests.Class{index / 20}.Method{index}")).ToList();
            var flaky = keys.Where((_, index) => index % 50 == 0).ToList();
            var start = origin.AddSeconds(unitIndex * 2);
            var first = Path.Combine(directory, $"u{unitIndex}.trx");
            File.WriteAllText(first, Trx(keys, flaky, failFlaky: true, start));
            units.Add(new UnitRun($"{layer}#{unitIndex}", $"{layer}-none", layer, ResourceSet.None, 0, 0, keys, first, start, start.AddSeconds(30), UnitExit.TestsFailed, "exit code 1"));
            var retry = Path.Combine(directory, $"u{unitIndex}.retry.trx");
            File.WriteAllText(retry, Trx(flaky, [], failFlaky: false, start.AddSeconds(31)));
            units.Add(new UnitRun($"{layer}#{unitIndex}#retry1", $"{layer}-none", layer, ResourceSet.None, 1, 0, flaky, retry, start.AddSeconds(31), start.AddSeconds(35), UnitExit.Passed, null));
            written += count;
        }
        var record = new RunRecord("bench", "nightly", origin, origin.AddMinutes(10), false, units, [], RunPhases.None);
        return new TrxSample(directory, record);
    }

    /// <summary>
    /// How many files are read, or layers written, at a time: one per processor, as the reporter does, or 1 to
    /// measure the work single-threaded.
    /// </summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Reads every unit's TRX, merges, and writes each layer's TRX (to a null stream): the merge the reporter does.</summary>
    public MergedRun Merge()
    {
        var merged = MergeResults(ReadResults());
        WriteLayers(merged);
        return merged;
    }

    /// <summary>The first step of <see cref="Merge"/>: every unit's TRX file read into its typed results, as each unit's runner does when it ends.</summary>
    public RunRecord ReadResults()
    {
        var units = new UnitRun[Record.Units.Count];
        var redactor = new SecretRedactor();
        Parallel.For(0, units.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, index =>
            units[index] = Record.Units[index] with { Results = UnitResultReader.TryReadTrx(Record.Units[index].TrxPath!, redactor) ?? [] });
        return Record with { Units = units };
    }

    /// <summary>The second step of <see cref="Merge"/>: results merged per test case and layer.</summary>
    public static MergedRun MergeResults(RunRecord withResults) =>
        ResultsMerger.Merge(withResults, ["unit", "integration"], QuarantineMatcher.None, false, new SecretRedactor());

    /// <summary>The last step of <see cref="Merge"/>: each layer's TRX written to a null stream.</summary>
    public void WriteLayers(MergedRun merged) =>
        Parallel.ForEach(merged.Layers, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, layer => TrxWriter.Write(Stream.Null, layer, merged));

    /// <summary>Everything <c>orchestrator run</c> writes after the tests: every report file, the unit results and TRX copies, and the timings.</summary>
    public static Task<ResultsReport> ReportAsync(RunRecord withResults, string resultsDirectory, CancellationToken ct) =>
        ResultsReporter.WriteReportAsync(withResults, new ReportOptions(resultsDirectory)
        {
            Layers = ["unit", "integration"],
            TimingsPath = Path.Combine(resultsDirectory, "timings.json"),
            StepSummaryPath = null,
        }, ct);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Trx(List<TestKey> keys, List<TestKey> flaky, bool failFlaky, DateTimeOffset start)
    {
        var failing = failFlaky ? flaky.ToHashSet() : [];
        var ids = keys.Select(key => (Key: key, TestId: Guid.NewGuid().ToString(), ExecutionId: Guid.NewGuid().ToString())).ToList();
        var xml = new StringBuilder(keys.Count * 900);
        xml.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="utf-8"?><TestRun id="{Guid.NewGuid()}" name="bench" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Times creation="{start:o}" queuing="{start:o}" start="{start:o}" finish="{start.AddSeconds(30):o}" /><Results>""");
        foreach (var (key, testId, executionId) in ids)
        {
            var outcome = failing.Contains(key) ? "Failed" : "Passed";
            xml.Append(CultureInfo.InvariantCulture, $"""<UnitTestResult executionId="{executionId}" testId="{testId}" testName="{key.FullyQualifiedName}" computerName="bench" duration="00:00:00.0123456" startTime="{start:o}" endTime="{start.AddMilliseconds(12):o}" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="{outcome}" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="{executionId}">""");
            if (outcome == "Failed")
            {
                xml.Append("<Output><ErrorInfo><Message>Assert.Equal() Failure: Values differ</Message><StackTrace>   at Bench.Tests.Somewhere() in /src/T.cs:line 1</StackTrace></ErrorInfo></Output>");
            }
            xml.Append("</UnitTestResult>");
        }
        xml.Append("</Results><TestDefinitions>");
        foreach (var (key, testId, executionId) in ids)
        {
            var dot = key.FullyQualifiedName.LastIndexOf('.');
            xml.Append(CultureInfo.InvariantCulture, $"""<UnitTest name="{key.FullyQualifiedName}" storage="/src/bin/{key.Assembly.ToLowerInvariant()}.dll" id="{testId}"><Execution id="{executionId}" /><TestMethod codeBase="/src/bin/{key.Assembly}.dll" adapterTypeName="executor://xunit/VsTestRunner3/netcore/" className="{key.FullyQualifiedName[..dot]}" name="{key.FullyQualifiedName[(dot + 1)..]}" /></UnitTest>""");
        }
        xml.Append("""</TestDefinitions><ResultSummary outcome="Failed"><Counters total="0" /></ResultSummary></TestRun>""");
        return xml.ToString();
    }
}
