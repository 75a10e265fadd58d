using System.Globalization;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// Measures one generated suite with the built CLI, in this order: build once; discovery cold (empty cache)
/// and warm; planning without history; a first full run (records timings); planning with history; the
/// warm run(s) that are reported; merging the reported run's results.
/// </summary>
internal sealed class SuiteBench(RepositoryLayout repository, ScaleOptions options, string outputDirectory)
{
    private const string Cadence = "all";
    private static readonly TimeSpan _buildTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan _commandTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan _runTimeout = TimeSpan.FromMinutes(40);

    public async Task<ScaleMeasurement> MeasureAsync(int tests, CancellationToken ct)
    {
        var suite = GeneratedSuite.Create(tests);
        var workspace = SuiteWriter.Write(suite, Path.Combine(repository.BenchDirectory, "workspace-" + tests.ToString(CultureInfo.InvariantCulture)), repository, options.Slots);
        var output = Directory.CreateDirectory(Path.Combine(outputDirectory, "n" + tests.ToString(CultureInfo.InvariantCulture))).FullName;
        var tool = new ToolProcess(workspace.Root, Path.Combine(output, "logs"));
        Log($"{tests:N0} tests: workspace {workspace.Root}, output {output}");

        double? buildSeconds = null;
        if (options.Build)
        {
            var build = await tool.RunAsync("build", ["build", workspace.Solution, "-c", "Release", "-nologo", "-v", "q", "--disable-build-servers"], _buildTimeout, ct);
            buildSeconds = build.Elapsed.TotalSeconds;
            Log($"  build {buildSeconds:0.0} s");
        }
        var manifests = Directory.Exists(workspace.ManifestDirectory) ? Directory.GetFiles(workspace.ManifestDirectory, "*.json").Length : 0;
        if (manifests != suite.Projects.Count)
        {
            throw new InvalidOperationException($"{workspace.ManifestDirectory} holds {manifests} manifests for {suite.Projects.Count} projects: build the workspace (drop --no-build).");
        }

        // A cold start: no discovery cache, no recorded timings.
        if (Directory.Exists(workspace.StateDirectory))
        {
            Directory.Delete(workspace.StateDirectory, recursive: true);
        }
        var discoverCold = new List<double>();
        var discoverWarm = new List<double>();
        for (var i = 1; i <= options.Repeat; i++)
        {
            if (Directory.Exists(workspace.DiscoveryCache))
            {
                Directory.Delete(workspace.DiscoveryCache, recursive: true);
            }
            discoverCold.Add((await tool.RunAsync($"discover-cold-{i}", Cli("discover", "--config", workspace.Configuration), _commandTimeout, ct)).Elapsed.TotalSeconds);
        }
        for (var i = 1; i <= options.Repeat; i++)
        {
            discoverWarm.Add((await tool.RunAsync($"discover-warm-{i}", Cli("discover", "--config", workspace.Configuration), _commandTimeout, ct)).Elapsed.TotalSeconds);
        }
        Log($"  discovery cold {Stats.Spread(discoverCold)} s, warm {Stats.Spread(discoverWarm)} s");
        var inventory = await tool.RunAsync("discover-json", Cli("discover", "--json", "--config", workspace.Configuration), _commandTimeout, ct);
        if (DiscoveryCheck.Compare(suite, inventory.StandardOutput) is { } difference)
        {
            throw new InvalidOperationException($"Discovery does not match the generated suite: {difference}.");
        }

        var (planWithoutHistory, planWithoutHistorySeconds) = await PlanAsync(tool, workspace, "plan-no-history", ct);
        var firstRun = await RunAsync(tool, workspace, output, "run-1", ct);
        Log($"  first run (no history): {firstRun.Units.Count} units, wall {firstRun.WallSeconds:0.0} s");
        var (plan, planSeconds) = await PlanAsync(tool, workspace, "plan", ct);
        Log($"  plan: no history {Stats.Spread(planWithoutHistorySeconds)} s, with history {Stats.Spread(planSeconds)} s");

        var warmRuns = new List<RunFigures>();
        for (var i = 0; i < options.WarmRuns; i++)
        {
            var run = await RunAsync(tool, workspace, output, $"run-{i + 2}", ct);
            warmRuns.Add(run);
            Log($"  warm run {i + 1}: {run.Units.Count} units, wall {run.WallSeconds:0.0} s, lower bound {run.LowerBoundSeconds:0.0} s, overhead {100 * run.OverheadShare:0.0} %");
        }

        var measurement = new ScaleMeasurement(
            tests,
            suite.Projects.Count,
            suite.Classes.Count(),
            SimulatedWork.Of(suite),
            buildSeconds,
            discoverCold,
            discoverWarm,
            planWithoutHistorySeconds,
            planSeconds,
            planWithoutHistory,
            plan,
            firstRun,
            warmRuns,
            []);
        var reported = Path.Combine(output, "run-" + (warmRuns.IndexOf(measurement.Reported) + 2).ToString(CultureInfo.InvariantCulture));
        var merges = new List<double>();
        for (var i = 1; i <= options.Repeat; i++)
        {
            merges.Add((await tool.RunAsync($"merge-{i}", Cli("merge", reported, "--output", Path.Combine(output, $"merge-{i}")), _commandTimeout, ct)).Elapsed.TotalSeconds);
        }
        Log($"  merge {Stats.Spread(merges)} s");
        return measurement with { MergeSeconds = merges };
    }

    private async Task<(PlanFigures Plan, List<double> Seconds)> PlanAsync(ToolProcess tool, ScaleWorkspace workspace, string label, CancellationToken ct)
    {
        var seconds = new List<double>();
        PlanFigures? figures = null;
        for (var i = 1; i <= options.Repeat; i++)
        {
            var plan = await tool.RunAsync($"{label}-{i}", Cli("plan", "--cadence", Cadence, "--json", "--config", workspace.Configuration), _commandTimeout, ct);
            seconds.Add(plan.Elapsed.TotalSeconds);
            figures = PlanFigures.Parse(plan.StandardOutput);
        }
        if (figures!.SelectedTests != workspace.Suite.TestCount)
        {
            throw new InvalidOperationException($"The plan selected {figures.SelectedTests} of the {workspace.Suite.TestCount} generated tests: cadence '{Cadence}' should select all.");
        }
        return (figures, seconds);
    }

    private async Task<RunFigures> RunAsync(ToolProcess tool, ScaleWorkspace workspace, string output, string label, CancellationToken ct)
    {
        var results = Path.Combine(output, label);
        var loadBefore = LoadAverage();
        // A run exits non-zero when any selected test did not pass: every generated test passes, so that is a failure of the benchmark.
        var run = await tool.RunAsync(label, Cli("run", "--cadence", Cadence, "--config", workspace.Configuration, "--results", results), _runTimeout, ct);
        var figures = await RunFigures.ReadAsync(run, results, SimulatedWork.Of(workspace.Suite), options.Slots, loadBefore, LoadAverage(), ct);
        if (figures.Tests.Results != workspace.Suite.TestCount || figures.Tests.Passed != workspace.Suite.TestCount)
        {
            throw new InvalidOperationException($"{label}: the unit results hold {figures.Tests.Results} results, {figures.Tests.Passed} passed, for {workspace.Suite.TestCount} tests (see {results}).");
        }
        return figures;
    }

    private string[] Cli(params string[] arguments) => [repository.Cli, .. arguments];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Log(string line) => Console.Error.WriteLine($"[scale {DateTime.UtcNow:HH:mm:ss}] {line}");
}
