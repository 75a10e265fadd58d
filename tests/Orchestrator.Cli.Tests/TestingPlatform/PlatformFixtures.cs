using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Discovery;
using Orchestrator.Fixtures;
using Orchestrator.Model;
using Xunit;

namespace Orchestrator.Cli.Tests.TestingPlatform;

/// <summary>
/// One Microsoft.Testing.Platform test application per framework under tests/Fixtures (Platform.Mstest on MSTest's
/// runner, Platform.Xunit on xunit.v3 in MTP mode, Platform.Nunit on NUnit's runner, Platform.Tunit), all with the
/// same tests, built by the main build with their manifests in one directory. Discovered once for the test class.
/// </summary>
public sealed class PlatformFixtures : IAsyncLifetime
{
    public static readonly string[] Frameworks = ["Mstest", "Xunit", "Nunit", "Tunit"];

    public static OrchestratorConfiguration Configuration { get; } = new()
    {
        Resources = ImmutableDictionary<string, ResourceDefinition>.Empty
            .Add("postgres", new ResourceDefinition { Name = "postgres", Kind = ResourceKind.Postgres })
            .Add("redis", new ResourceDefinition { Name = "redis", Kind = ResourceKind.Redis }),
        Cadences = ImmutableDictionary<string, CadenceDefinition>.Empty
            .Add("commit", new CadenceDefinition("commit", ["unit"], [])),
    };

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("orchestrator-platform-").FullName;

    public TestInventory Inventory { get; private set; } = new([], []);

    public async Task InitializeAsync()
    {
        Inventory = await TestDiscoverer.DiscoverAsync(
            new DiscoveryRequest
            {
                Configuration = Configuration,
                ManifestDirectory = PrebuiltFixture.ManifestDirectory("platform"),
                LoggerDirectory = AppContext.BaseDirectory,
                CacheDirectory = Path.Combine(_workDirectory, "cache"),
                MaxParallelism = 2,
            },
            CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_workDirectory, recursive: true);
        return Task.CompletedTask;
    }

    public DiscoveredTest Test(string framework, string method) =>
        Inventory.Tests.Single(test => test.Key == new TestKey($"Platform.{framework}", $"Platform.{framework}.Orders.{method}"));
}
