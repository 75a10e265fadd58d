using System.Diagnostics;
using Orchestrator.Discovery;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Reporting;

namespace Orchestrator.Cli.Pipeline;

/// <summary>Discovery and planning, shared by <c>plan</c> and <c>run</c>: the inventory, the plan and what each phase took.</summary>
internal sealed record PlannedRun(
    TestInventory Inventory,
    TestPlan Plan,
    IReadOnlyList<string> Warnings,
    TimeSpan DiscoverTime,
    TimeSpan PlanTime)
{
    public static async Task<PlannedRun> CreateAsync(Workspace workspace, string cadence, Shard? shard, CancellationToken ct)
    {
        if (!workspace.Configuration.Cadences.ContainsKey(cadence))
        {
            throw new UsageException(
                $"Cadence '{cadence}' is not defined in {workspace.Configuration.SourcePath}. " +
                $"Defined: {string.Join(", ", workspace.Configuration.Cadences.Keys.Order(StringComparer.Ordinal))}.");
        }
        if (!Directory.Exists(workspace.ManifestDirectory))
        {
            throw new UsageException(
                $"No test project manifests in {workspace.ManifestDirectory}: build first with 'orchestrator build' " +
                "(or 'run --build'; in the Orchestrator repository ./build.sh --target=Build).");
        }

        var clock = Stopwatch.StartNew();
        var inventory = await TestDiscoverer.DiscoverAsync(new DiscoveryRequest
        {
            Configuration = workspace.Configuration,
            ManifestDirectory = workspace.ManifestDirectory,
            LoggerDirectory = Workspace.LoggerDirectory,
            CacheDirectory = workspace.DiscoveryCacheDirectory,
        }, ct);
        var discoverTime = clock.Elapsed;

        clock.Restart();
        var (history, timingsWarning) = TimingStore.Load(workspace.TimingsPath);
        var plan = Planner.Plan(inventory, workspace.Configuration, cadence, TimingHistory.From(history), shard);
        var planTime = clock.Elapsed;

        var warnings = timingsWarning is null ? Array.Empty<string>() : [timingsWarning];
        return new PlannedRun(inventory, plan, warnings, discoverTime, planTime);
    }
}
