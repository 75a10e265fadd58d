using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Benchmarks.Reporting;

/// <summary>
/// Prints how long reading, merging and writing TRX takes at 10,000 and 100,000 results (target: 10,000 under 1 s),
/// then each step on its own and the whole report written to disk.
/// </summary>
public sealed class TrxMergeScenario : IBenchmarkScenario
{
    private static readonly TimeSpan _target = TimeSpan.FromSeconds(1);

    public string Name => "trx-merge";

    public string Description => "TRX read + merge + per-layer TRX write at 10,000 and 100,000 results (target: 10,000 under 1 s); --serial: one file or layer at a time.";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var serial = arguments.Contains("--serial");
        var sizeArguments = arguments.Where(argument => argument != "--serial").ToList();
        var sizes = sizeArguments.Count > 0 ? sizeArguments.Select(argument => int.Parse(argument, CultureInfo.InvariantCulture)).ToList() : [10_000, 100_000];
        var exitCode = 0;
        foreach (var size in sizes)
        {
            ct.ThrowIfCancellationRequested();
            using var sample = TrxSample.Create(size);
            sample.Parallelism = serial ? 1 : Environment.ProcessorCount;
            var first = Stopwatch.StartNew();
            sample.Merge(); // warm-up: JIT and file cache
            first.Stop();
            var best = TimeSpan.MaxValue;
            var tests = 0;
            for (var round = 0; round < 3; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                var merged = sample.Merge();
                stopwatch.Stop();
                tests = merged.Tests.Count();
                best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
            }
            var verdict = size <= 10_000 ? (best < _target ? " (target < 1 s: met)" : " (target < 1 s: MISSED)") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,8:N0} results ({sample.Record.Units.Count} unit TRX files, {tests:N0} tests, {sample.Parallelism} at a time): best of 3 {best.TotalMilliseconds,8:N0} ms{verdict}"));
            var breakdown = await BreakdownAsync(sample, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",8}  first run in the process (what one orchestrator run pays, JIT included) {first.Elapsed.TotalMilliseconds:N0} ms"));
            Console.WriteLine($"{"",8}  {breakdown}");
            if (size <= 10_000 && best >= _target)
            {
                exitCode = 1;
            }
        }
        return exitCode;
    }

    /// <summary>Where the time goes: each step of the merge on its own, and the whole report the reporter writes to disk (best of 3 each).</summary>
    private static async Task<string> BreakdownAsync(TrxSample sample, CancellationToken ct)
    {
        var read = TimeSpan.MaxValue;
        var merge = TimeSpan.MaxValue;
        var write = TimeSpan.MaxValue;
        var report = TimeSpan.MaxValue;
        var directory = Directory.CreateTempSubdirectory("orchestrator-bench-report-").FullName;
        try
        {
            await TrxSample.ReportAsync(sample.ReadResults(), directory, ct); // warm-up
            for (var round = 0; round < 3; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                var trx = sample.ReadResults();
                read = Min(read, stopwatch.Elapsed);
                stopwatch.Restart();
                var merged = TrxSample.MergeResults(trx);
                merge = Min(merge, stopwatch.Elapsed);
                stopwatch.Restart();
                sample.WriteLayers(merged);
                write = Min(write, stopwatch.Elapsed);
                stopwatch.Restart();
                await TrxSample.ReportAsync(trx, directory, ct);
                report = Min(report, stopwatch.Elapsed);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"read {read.TotalMilliseconds:N0} ms, merge {merge.TotalMilliseconds:N0} ms, write TRX {write.TotalMilliseconds:N0} ms; full report to disk (unit copies, TRX, JUnit, summary, HTML, run.json, timings) {report.TotalMilliseconds:N0} ms");
    }

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
