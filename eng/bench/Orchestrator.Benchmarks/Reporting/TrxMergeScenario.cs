using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Benchmarks.Reporting;

/// <summary>Prints how long reading, merging and writing TRX takes at 10,000 and 100,000 results (target: 10,000 under 1 s).</summary>
public sealed class TrxMergeScenario : IBenchmarkScenario
{
    private static readonly TimeSpan _target = TimeSpan.FromSeconds(1);

    public string Name => "trx-merge";

    public string Description => "TRX read + merge + per-layer TRX write at 10,000 and 100,000 results (target: 10,000 under 1 s).";

    public Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var sizes = arguments.Count > 0 ? arguments.Select(argument => int.Parse(argument, CultureInfo.InvariantCulture)).ToList() : [10_000, 100_000];
        var exitCode = 0;
        foreach (var size in sizes)
        {
            ct.ThrowIfCancellationRequested();
            using var sample = TrxSample.Create(size);
            sample.Merge(); // warm-up: JIT and file cache
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
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,8:N0} results ({sample.Record.Units.Count} unit TRX files, {tests:N0} tests): best of 3 {best.TotalMilliseconds,8:N0} ms{verdict}"));
            if (size <= 10_000 && best >= _target)
            {
                exitCode = 1;
            }
        }
        return Task.FromResult(exitCode);
    }
}
