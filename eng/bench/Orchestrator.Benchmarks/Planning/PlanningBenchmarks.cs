using BenchmarkDotNet.Attributes;
using Orchestrator.Planning;

namespace Orchestrator.Benchmarks.Planning;

/// <summary>BenchmarkDotNet: <c>dotnet run -c Release --project eng/bench/Orchestrator.Benchmarks -- micro --filter '*Planning*'</c>.</summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private GeneratedInventory? _input;

    [Params(10_000, 100_000)]
    public int Tests { get; set; }

    [GlobalSetup]
    public void Setup() => _input = GeneratedInventory.Create(Tests);

    [Benchmark]
    public TestPlan Nightly() => _input!.Plan();

    [Benchmark]
    public TestPlan NightlyShardOneOfFour() => _input!.Plan(shard: new Shard(1, 4));
}
