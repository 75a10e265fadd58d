using System.Diagnostics;
using Orchestrator.Configuration;
using Orchestrator.Discovery;

namespace Orchestrator.Benchmarks.Discovery;

/// <summary>
/// Cold and warm discovery of the solution's test assemblies (from the build's manifests):
/// cold lists every assembly with dotnet test, warm is served from the content-hash cache.
/// Build the solution first: dotnet build Orchestrator.sln -c Release.
/// </summary>
public sealed class DiscoveryScenario : IBenchmarkScenario
{
    public string Name => "discovery";

    public string Description => "Cold vs warm (cached) discovery of the solution's test assemblies. Args: [manifest dir] [logger dir]";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var manifests = arguments.Count > 0 ? arguments[0] : Path.GetFullPath("artifacts/orchestrator/manifests");
        var logger = arguments.Count > 1 ? arguments[1] : Path.GetFullPath("artifacts/bin/Orchestrator.TestLogger/release");
        var cache = Directory.CreateTempSubdirectory("orchestrator-discovery-bench-").FullName;
        try
        {
            var request = new DiscoveryRequest
            {
                Configuration = new OrchestratorConfiguration(),
                ManifestDirectory = manifests,
                LoggerDirectory = logger,
                CacheDirectory = cache,
            };

            var cold = Stopwatch.StartNew();
            var coldInventory = await TestDiscoverer.DiscoverAsync(request, ct);
            cold.Stop();
            var warm = Stopwatch.StartNew();
            var warmInventory = await TestDiscoverer.DiscoverAsync(request, ct);
            warm.Stop();

            Console.WriteLine($"tests: {coldInventory.Tests.Count} (warm: {warmInventory.Tests.Count}), problems: {coldInventory.Problems.Count}");
            Console.WriteLine($"cold discovery: {cold.Elapsed.TotalMilliseconds:F0} ms");
            Console.WriteLine($"warm discovery: {warm.Elapsed.TotalMilliseconds:F0} ms ({cold.Elapsed / warm.Elapsed:F1}x faster)");
            return warm.Elapsed < TimeSpan.FromSeconds(1) && coldInventory.Tests.Count == warmInventory.Tests.Count ? 0 : 1;
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
