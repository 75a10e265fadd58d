using System.Globalization;
using Orchestrator.Configuration;
using Orchestrator.Model;
using Orchestrator.Planning;

namespace Orchestrator.Benchmarks.Planning;

/// <summary>
/// A solution-shaped inventory: 40 test assemblies, classes of 10 tests, 70% unit / 25% integration /
/// 5% e2e, integration and e2e tests needing one to three of postgres, redis and rabbitmq; history
/// known for 80% of the tests (log-normal-ish durations). Seeded, so every run plans the same input.
/// </summary>
internal sealed record GeneratedInventory(TestInventory Inventory, TimingHistory History, OrchestratorConfiguration Config)
{
    private static readonly string[] _resources = ["postgres", "redis", "rabbitmq"];

    public static GeneratedInventory Create(int testCount, int seed = 42)
    {
        var random = new Random(seed);
        var tests = new List<DiscoveredTest>(testCount);
        var durations = new Dictionary<TestKey, TimeSpan>(testCount);
        for (var i = 0; i < testCount; i++)
        {
            var assembly = "Suite" + (i % 40).ToString(CultureInfo.InvariantCulture) + ".Tests";
            var roll = random.NextDouble();
            var layer = roll < 0.70 ? "unit" : roll < 0.95 ? "integration" : "e2e";
            var resources = layer == "unit"
                ? ResourceSet.None
                : ResourceSet.Of(_resources.Where((_, index) => index == 0 || random.NextDouble() < 0.3).Take(1 + random.Next(3)));
            var name = $"{assembly[..^6]}.Area{(i / 1000).ToString(CultureInfo.InvariantCulture)}.Class{(i / 10).ToString(CultureInfo.InvariantCulture)}.Test{i.ToString(CultureInfo.InvariantCulture)}";
            var key = new TestKey(assembly, name);
            var traits = new List<TestTrait> { new("Category", layer) };
            traits.AddRange(resources.Select(resource => new TestTrait("Resource", resource)));
            tests.Add(new DiscoveredTest(key, name, $"/repo/artifacts/bin/{assembly}/{assembly}.dll", null, layer, resources, traits, TraitOrigin.Trait, TraitOrigin.Trait));
            if (random.NextDouble() < 0.8)
            {
                var milliseconds = layer == "unit" ? 1 + random.Next(20) : 50 + Math.Exp(random.NextDouble() * 7);
                durations[key] = TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        var config = new OrchestratorConfiguration
        {
            Cadences = DefaultCadences.For(["unit", "integration", "e2e"], "unit", _resources),
            Parallelism = new ParallelismSettings(8, 8, TimeSpan.FromSeconds(30), 8),
        };
        return new GeneratedInventory(new TestInventory(tests, []), TimingHistory.From(durations), config);
    }

    public TestPlan Plan(string cadence = "nightly", Shard? shard = null) => Planner.Plan(Inventory, Config, cadence, History, shard);
}
