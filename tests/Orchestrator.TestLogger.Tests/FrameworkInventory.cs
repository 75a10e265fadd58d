using Orchestrator.Discovery;
using Orchestrator.Model;
using Xunit;

namespace Orchestrator.TestLogger.Tests;

/// <summary>
/// The three framework fixtures discovered once, through their manifests, for the tests that only read what
/// discovery found (each test that discovers for its own purpose still runs its own discovery).
/// </summary>
public sealed class FrameworkInventory : IAsyncLifetime
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("orchestrator-discovery-shared-").FullName;

    public TestInventory Inventory { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Inventory = await TestDiscoverer.DiscoverAsync(FrameworkDiscoveryTests.RequestIn(_workDirectory, FrameworkFixtures.ManifestDirectory), CancellationToken.None);

    public Task DisposeAsync()
    {
        Directory.Delete(_workDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
