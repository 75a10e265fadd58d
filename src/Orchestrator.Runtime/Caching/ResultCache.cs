using System.Runtime.InteropServices;
using Orchestrator.Caching;
using Orchestrator.Configuration;
using Orchestrator.Docker.Images;
using Orchestrator.Execution.Settings;
using Orchestrator.Model;
using Orchestrator.Pipeline;
using Orchestrator.Planning;
using Orchestrator.Results;

namespace Orchestrator.Runtime.Caching;

/// <summary>
/// The result cache of a workspace at the edge: gathers each scope's inputs (digests of files, image ids), decides which
/// planned tests' passes are reused, and records a run's passes afterwards.
/// </summary>
internal sealed class ResultCache
{
    private readonly Workspace _workspace;
    private readonly ResultCacheStore _store;

    private ResultCache(Workspace workspace, ResultCacheStore store)
    {
        _workspace = workspace;
        _store = store;
    }

    public string Directory => _store.Directory;

    public static ResultCache Of(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var settings = workspace.Configuration.Cache;
        var directory = settings.Directory is { } configured ? workspace.Resolve(configured) : workspace.ResultCacheDirectory;
        return new ResultCache(workspace, new ResultCacheStore(directory, settings.MaxBytes));
    }

    /// <summary>For every scope of the plan's tests: its key, its stored entry, and which of its tests are reused.</summary>
    /// <param name="settings">The team's settings every unit runs with (run settings, loggers, collectors).</param>
    public async Task<RunCache> DecideAsync(TestPlan plan, TestInventory inventory, UnitSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(settings);
        var planned = plan.Units.SelectMany(unit => unit.Tests).ToHashSet();
        var tests = inventory.Tests.Where(test => planned.Contains(test.Key)).GroupBy(test => test.Key).Select(group => group.First()).ToList();
        var scopes = tests.ToDictionary(test => test.Key, ScopeOf);
        var common = await CommonFactsAsync(tests, ct);
        var decisions = new List<ScopeCacheDecision>();
        var warnings = new List<string>();
        foreach (var group in tests.GroupBy(test => scopes[test.Key]).OrderBy(group => group.Key.ToString(), StringComparer.Ordinal))
        {
            var first = group.First();
            var facts = new ScopeFacts(
                await DirectoryDigest.OfAsync(Path.GetDirectoryName(first.SourcePath)!, ct),
                SettingsText(settings, first.SourcePath),
                _workspace.Configuration.TestEnvironment,
                [.. first.Resources.Select(name => _workspace.Configuration.Resources.GetValueOrDefault(name)).OfType<ResourceDefinition>()],
                common.ImageIds,
                common.Runtime,
                common.Tool,
                common.DeclaredInputs);
            var read = await _store.ReadAsync(group.Key, ct);
            if (read.Warning is { } warning)
            {
                warnings.Add(warning);
            }
            decisions.Add(ScopeCacheDecision.For(group.Key, CacheKey.Of(facts.Inputs()), read.Entry, [.. group.Select(test => test.Key.FullyQualifiedName).Order(StringComparer.Ordinal)]));
        }
        return new RunCache(Directory, decisions, scopes, warnings);
    }

    /// <summary>
    /// Records the run's passes under each scope's key: the tests every case of which passed on its first attempt, in a
    /// unit that ran them (never a reused pass, a flaky, failed, skipped or unrun one).
    /// </summary>
    /// <returns>A warning when the cache could not be written; the run's outcome does not depend on it.</returns>
    public async Task<string?> RecordAsync(RunCache cache, IEnumerable<MergedTest> tests, string runId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(tests);
        var passes = CachePasses.Of(cache, tests, runId, at);
        try
        {
            foreach (var decision in cache.Decisions.Where(decision => passes.ContainsKey(decision.Scope)))
            {
                var stored = (await _store.ReadAsync(decision.Scope, ct)).Entry;
                var entry = stored?.With(decision.Key, passes[decision.Scope]) ?? CacheEntry.First(decision.Scope, decision.Key, passes[decision.Scope]);
                await _store.WriteAsync(entry, ct);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"The run's passes could not be recorded in the result cache {Directory} ({exception.Message}); the next run runs them again.";
        }
        return null;
    }

    private CacheScope ScopeOf(DiscoveredTest test) =>
        new(Path.GetRelativePath(_workspace.Root, test.SourcePath).Replace('\\', '/'), test.Resources.ToString());

    private static string SettingsText(UnitSettings settings, string source) => string.Join('\n',
        [
            .. settings.LayersFor([source]).Select(layer => $"runsettings {layer.Source}:\n{layer.Xml}"),
            .. settings.Loggers.Select(logger => $"logger {logger}"),
            .. settings.Collectors.Select(collector => $"collector {collector}"),
        ]);

    private async Task<CommonFacts> CommonFactsAsync(IReadOnlyList<DiscoveredTest> tests, CancellationToken ct)
    {
        var configuration = _workspace.Configuration;
        var resources = tests.SelectMany(test => test.Resources).Distinct(StringComparer.Ordinal)
            .Select(name => configuration.Resources.GetValueOrDefault(name))
            .OfType<ResourceDefinition>()
            .Where(resource => resource.IsContainer && resource.Image is not null)
            .ToList();
        var ids = await ImageIdentities.LookupAsync(resources.Select(resource => resource.Image!), ct);
        var imageIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var id = ids.GetValueOrDefault(resource.Image!, ImageIdentities.Unknown);
            imageIds[resource.Name] = resource.Build is { } build && System.IO.Directory.Exists(_workspace.Resolve(build.Context))
                ? $"{id}; build context {await DirectoryDigest.OfAsync(_workspace.Resolve(build.Context), ct)}"
                : id;
        }
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pattern in configuration.Cache.Inputs)
        {
            declared[pattern] = await InputDigests.OfPatternAsync(_workspace.Root, pattern, ct);
        }
        var runtime = $"{RuntimeInformation.FrameworkDescription}; {RuntimeInformation.RuntimeIdentifier}";
        return new CommonFacts(imageIds, runtime, await InputDigests.OfToolAsync(ct), declared);
    }

    private sealed record CommonFacts(IReadOnlyDictionary<string, string> ImageIds, string Runtime, string Tool, IReadOnlyDictionary<string, string> DeclaredInputs);
}
