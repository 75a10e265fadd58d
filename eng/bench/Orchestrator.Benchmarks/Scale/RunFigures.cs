using System.Globalization;
using System.Text.RegularExpressions;
using Orchestrator.Reporting;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>
/// One <c>orchestrator run</c>, measured: its wall time (start of the command to its exit), what each unit
/// process and container did (from the results directory's run.json), what the tests themselves took
/// (from each unit's stored results), and the phases the tool reports.
/// </summary>
internal sealed partial record RunFigures(
    SimulatedWork Work,
    double WallSeconds,
    double RecordedSeconds,
    int Slots,
    IReadOnlyList<UnitFigures> Units,
    TestTotals Tests,
    int Containers,
    double SlowestContainerStartSeconds,
    double ContainerSeconds,
    IReadOnlyDictionary<string, double> PhaseSeconds,
    string LoadBefore,
    string LoadAfter)
{
    /// <summary>
    /// The lower bound: max(longest simulated wait, summed simulated waits / slots). The waits are exactly
    /// what the generator drew, so no way of running these tests on this many slots can finish sooner;
    /// everything above it is overhead (the test framework's own per-test cost included).
    /// </summary>
    public double LowerBoundSeconds => Work.BoundSeconds(Slots);

    /// <summary>max(longest test, summed TRX durations / slots): the tests as their host timed them (adds each process's first-test warm-up and Task.Delay's overshoot).</summary>
    public double TestBoundSeconds => Math.Max(Tests.LongestTestSeconds, Tests.TestSeconds / Slots);

    /// <summary>max(longest unit, summed unit wall times / slots): how well the units the plan made were packed (adds process start-up and shut-down).</summary>
    public double UnitBoundSeconds => Units.Count == 0 ? 0 : Math.Max(Units.Max(unit => unit.WallSeconds), Units.Sum(unit => unit.WallSeconds) / Slots);

    /// <summary>Wall time above the lower bound.</summary>
    public double OverheadSeconds => WallSeconds - LowerBoundSeconds;

    public double OverheadShare => OverheadSeconds / WallSeconds;

    public double WallOverLowerBound => WallSeconds / LowerBoundSeconds;

    public double WallOverTestBound => WallSeconds / TestBoundSeconds;

    public double WallOverUnitBound => WallSeconds / UnitBoundSeconds;

    /// <summary>Wall time outside the execute phase: tool start-up, discovery, planning, container preparation, merging, exit.</summary>
    public double OutsideExecuteSeconds => WallSeconds - PhaseSeconds.GetValueOrDefault("execute");

    /// <summary>Mean per unit of (process wall − test time): dotnet test, vstest.console and test host start-up and shut-down.</summary>
    public double MeanProcessOverheadSeconds => Units.Count == 0 ? 0 : Units.Average(unit => unit.ProcessOverheadSeconds);

    public static async Task<RunFigures> ReadAsync(ToolRun run, string resultsDirectory, SimulatedWork work, int slots, string loadBefore, string loadAfter, CancellationToken ct)
    {
        var record = await RunRecordStore.ReadAsync(Path.Combine(resultsDirectory, RunRecordStore.FileName), ct);
        var units = new List<UnitFigures>();
        var totals = TestTotals.Empty;
        foreach (var unit in record.Units)
        {
            // run.json holds the results files' paths relative to the results directory.
            var path = unit.ResultsPath is null ? null : Path.GetFullPath(unit.ResultsPath, resultsDirectory);
            var tests = path is not null && File.Exists(path) ? TestTotals.Of(await UnitResultsStore.ReadAsync(path, ct)) : TestTotals.Empty;
            totals = totals.Add(tests);
            units.Add(new UnitFigures(unit.UnitId, unit.PartitionId, tests.Results, (unit.FinishedAt - unit.StartedAt).TotalSeconds, tests.TestSeconds));
        }
        var starts = record.Containers
            .Where(container => container.ReadyAt is not null)
            .Select(container => (container.ReadyAt!.Value - container.CreatedAt).TotalSeconds)
            .DefaultIfEmpty(0)
            .Max();
        var containerSeconds = record.Containers
            .Sum(container => ((container.RemovedAt ?? record.FinishedAt) - container.CreatedAt).TotalSeconds);
        var phases = record.Phases.Measured().ToDictionary(phase => phase.Name, phase => phase.Duration.TotalSeconds, StringComparer.Ordinal);
        if (MergePhase().Match(run.StandardOutput) is { Success: true } merge)
        {
            phases["merge"] = double.Parse(merge.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return new RunFigures(
            work,
            run.Elapsed.TotalSeconds,
            (record.FinishedAt - record.StartedAt).TotalSeconds,
            slots,
            units,
            totals,
            record.Containers.Count(container => container.ContainerId is not null),
            starts,
            containerSeconds,
            phases,
            loadBefore,
            loadAfter);
    }

    /// <summary>The run's last lines hold "Phases: … merge 0.3s" (the merge is timed after run.json is written).</summary>
    [GeneratedRegex(@"^Phases:.*\bmerge (\d+(?:\.\d+)?)s", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MergePhase();
}
