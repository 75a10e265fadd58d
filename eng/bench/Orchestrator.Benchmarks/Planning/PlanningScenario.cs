using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Benchmarks.Planning;

/// <summary>Planning time for generated inventories of 1,000, 10,000 and 100,000 tests (target: 10,000 under 200 ms).</summary>
internal sealed class PlanningScenario : IBenchmarkScenario
{
    private const int Repetitions = 15;

    public string Name => "planning";

    public string Description => "Planner.Plan over generated inventories of 1k/10k/100k tests (median of 15, after three warm-up runs).";

    public Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var sizes = arguments.Count > 0
            ? arguments.Select(argument => int.Parse(argument, CultureInfo.InvariantCulture)).ToArray()
            : [1_000, 10_000, 100_000];
        Console.WriteLine($"{"tests",9} {"partitions",10} {"units",6} {"median ms",10} {"min ms",8} {"ms/1k tests",12} {"makespan/bound",15}");
        var failed = false;
        foreach (var size in sizes)
        {
            ct.ThrowIfCancellationRequested();
            var input = GeneratedInventory.Create(size);
            var plan = input.Plan();
            for (var warmUp = 0; warmUp < 3; warmUp++)
            {
                plan = input.Plan();
            }
            var times = new List<double>(Repetitions);
            for (var i = 0; i < Repetitions; i++)
            {
                var watch = Stopwatch.StartNew();
                plan = input.Plan();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var median = times[times.Count / 2];
            var ratio = plan.Prediction.Makespan / plan.Prediction.LowerBound;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{size,9} {plan.Partitions.Count,10} {plan.Units.Count(),6} {median,10:0.0} {times[0],8:0.0} {median * 1000 / size,12:0.00} {ratio,15:0.000}"));
            if (size == 10_000 && median > 200)
            {
                Console.WriteLine("  10,000 tests took over the 200 ms target.");
                failed = true;
            }
        }
        return Task.FromResult(failed ? 1 : 0);
    }
}
