using BenchmarkDotNet.Attributes;

namespace Orchestrator.Benchmarks.Reporting;

/// <summary>Reading unit TRX files, merging them and writing the per-layer TRX: <c>dotnet run -c Release -- micro --filter '*TrxMerge*'</c>.</summary>
[MemoryDiagnoser]
public class TrxMergeBenchmarks : IDisposable
{
    private TrxSample? _sample;

    [Params(10_000, 100_000)]
    public int Results { get; set; }

    [GlobalSetup]
    public void Setup() => _sample = TrxSample.Create(Results);

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    // Returned as object: the merged run's type is internal to the core, and the benchmark only has to keep the result alive.
    [Benchmark]
    public object ReadMergeAndWrite() => _sample!.Merge();

    public void Dispose()
    {
        _sample?.Dispose();
        _sample = null;
        GC.SuppressFinalize(this);
    }
}
