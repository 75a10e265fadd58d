using BenchmarkDotNet.Running;

namespace Orchestrator.Benchmarks;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var scenarios = typeof(Program).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsInterface: false } && typeof(IBenchmarkScenario).IsAssignableFrom(type))
            .Select(type => (IBenchmarkScenario)Activator.CreateInstance(type)!)
            .OrderBy(scenario => scenario.Name, StringComparer.Ordinal)
            .ToList();

        if (args.Length > 0 && args[0] == "micro")
        {
            // BenchmarkDotNet micro-benchmarks: dotnet run -c Release -- micro --filter '*'
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
            return 0;
        }

        var scenario = args.Length > 0 ? scenarios.FirstOrDefault(s => s.Name == args[0]) : null;
        if (scenario is null)
        {
            Console.Error.WriteLine("Usage: dotnet run -c Release --project eng/bench/Orchestrator.Benchmarks -- <scenario> [arguments]");
            Console.Error.WriteLine("       ... -- micro --filter '*'   (BenchmarkDotNet micro-benchmarks)");
            foreach (var known in scenarios)
            {
                Console.Error.WriteLine($"  {known.Name,-20} {known.Description}");
            }
            return args.Length == 0 ? 0 : 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await scenario.RunAsync(args[1..], cancellation.Token);
    }
}
