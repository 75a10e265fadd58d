using System.Diagnostics;
using System.Globalization;
using Orchestrator.Caching;
using Orchestrator.Discovery;
using Orchestrator.Model;
using Orchestrator.Planning;
using Orchestrator.Planning.Selection;
using Orchestrator.Reporting;
using Orchestrator.Runtime.Caching;

namespace Orchestrator.Pipeline;

/// <summary>Discovery and planning, shared by <c>plan</c> and <c>run</c>: the inventory, the plan and what each phase took.</summary>
public sealed record PlannedRun(
    TestInventory Inventory,
    TestPlan Plan,
    IReadOnlyList<string> Warnings,
    TimeSpan DiscoverTime,
    TimeSpan PlanTime)
{
    /// <summary>The result cache's decisions for the plan; null when the run does not use the cache.</summary>
    internal RunCache? Cache { get; init; }

    /// <summary>For <c>plan --explain</c> and the run's console: per assembly and resource set, what is reused and why the rest runs.</summary>
    public IReadOnlyList<CacheScopeSummary> CacheSummary => Cache is null ? [] : [.. Cache.Decisions.Select(CacheScopeSummary.From)];

    /// <summary>Where the result cache is; null when the run does not use it.</summary>
    public string? CacheDirectory => Cache?.Directory;

    /// <summary>Why the result cache is not used (a cadence without it, --no-cache, coverage, repetitions); null when it is.</summary>
    public string? CacheOff { get; init; }

    /// <param name="timings">
    /// A timings file to plan by. Without one a whole plan uses the workspace's own history, and a sharded plan none:
    /// the split must depend only on what every agent shares, never on one agent's local history.
    /// </param>
    /// <param name="selection">A slice of the tests (<c>--filter</c>, <c>--project</c>); null for the whole cadence.</param>
    /// <param name="alongside">
    /// Also plan the whole cadence and keep, as the plan's <see cref="TestPlan.Alongside"/>, its units that hold a selected
    /// test: what <c>run --repeat N --mode alongside</c> repeats.
    /// </param>
    /// <param name="cache">Whether passes with unchanged inputs are reused (the cadence's <c>cache</c>, unless turned off for this run).</param>
    public static async Task<PlannedRun> CreateAsync(Workspace workspace, string cadence, Shard? shard, CancellationToken ct, string? timings = null, TestSelection? selection = null, bool alongside = false, CacheUse? cache = null)
    {
        if (!workspace.Configuration.Cadences.TryGetValue(cadence, out var definition))
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
        var inventory = await TestDiscoverer.DiscoverAsync(workspace.Discovery(), ct);
        var discoverTime = clock.Elapsed;

        clock.Restart();
        if (timings is not null && !File.Exists(timings))
        {
            throw new UsageException($"Timings file '{timings}' does not exist: give the path of a timings.json (written by 'run' or 'merge'), or leave --timings out.");
        }
        var (history, timingsWarning) = timings is not null ? TimingStore.LoadHistory(timings)
            : shard is not null ? (TimingHistory.Empty, null)
            : TimingStore.LoadHistory(workspace.TimingsPath);
        TestPlan plan;
        try
        {
            plan = Planner.Plan(inventory, workspace.Configuration, cadence, history, shard, selection);
            if (alongside)
            {
                var selected = plan.Units.SelectMany(unit => unit.Tests).ToHashSet();
                var whole = Planner.Plan(inventory, workspace.Configuration, cadence, history, shard, selection: null);
                plan = plan with { Alongside = [.. whole.Units.Where(unit => unit.Tests.Any(selected.Contains))] };
            }
        }
        catch (SelectionException empty)
        {
            throw new UsageException(empty.Message + " Change --filter or --project, or run 'orchestrator discover --tests' to list the tests.");
        }
        var warnings = timingsWarning is null ? new List<string>() : [timingsWarning];
        var cacheOff = (cache ?? CacheUse.Off).WhyOff(definition);
        RunCache? decided = null;
        if (cacheOff is null)
        {
            decided = await ResultCache.Of(workspace).DecideAsync(plan, inventory, TestSettingsSource.Load(workspace, plan, coverage: false, problems: []), ct);
            warnings.AddRange(decided.Warnings);
            if (decided.Reused.Count > 0)
            {
                var reused = decided.Reused.ToDictionary(
                    pair => pair.Key,
                    pair => string.Create(CultureInfo.InvariantCulture, $"passed in run {pair.Value.RunId} with the same inputs"));
                plan = Planner.Plan(inventory, workspace.Configuration, cadence, history, shard, selection, reused) with { Alongside = plan.Alongside };
            }
        }
        var planTime = clock.Elapsed;

        return new PlannedRun(inventory, plan, warnings, discoverTime, planTime) { Cache = decided, CacheOff = cacheOff };
    }
}
