using System.Globalization;
using System.Text;
using static Orchestrator.Benchmarks.Scale.Stats;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>The scale benchmark's tables in Markdown (printed, and written to table.md).</summary>
internal static class ScaleReport
{
    public const double OverheadTarget = 0.25;
    public const double BoundTarget = 1.5;
    public const int TargetTests = 5_000;

    public static string Render(IReadOnlyList<ScaleMeasurement> measurements, string heading)
    {
        var md = new StringBuilder();
        md.AppendLine(heading);
        md.AppendLine();
        md.AppendLine("Full run, `run --cadence all`, warm (the previous run's recorded timings balance the plan). Lower bound = max(longest simulated wait, Σ simulated waits / slots); overhead = wall − lower bound:");
        md.AppendLine();
        md.AppendLine("| tests | partitions / units | wall s | Σ simulated waits s | lower bound s | overhead s | overhead / wall | wall / lower bound | wall / unit bound | process cost per unit s | slowest container start s |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in measurements)
        {
            var run = m.Reported;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Tests:N0} | {m.Plan.Partitions} / {run.Units.Count} | {F(run.WallSeconds, "0.0")} | {F(m.Work.TotalSeconds, "0.0")} | {F(run.LowerBoundSeconds, "0.0")} | {F(run.OverheadSeconds, "0.0")} | {F(100 * run.OverheadShare, "0.0")} % | {F(run.WallOverLowerBound)} | {F(run.WallOverUnitBound)} | {F(run.MeanProcessOverheadSeconds, "0.0")} | {F(run.SlowestContainerStartSeconds, "0.0")} |");
        }
        md.AppendLine();
        md.AppendLine("Where the wall time goes (seconds; the four parts sum to the wall time):");
        md.AppendLine();
        md.AppendLine("| tests | lower bound | + tests above their waits (test-time bound − lower bound) | + unit processes' start-up and shut-down (unit bound − test-time bound) | + packing, containers, outside execute (wall − unit bound) | = wall |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in measurements)
        {
            var run = m.Reported;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Tests:N0} | {F(run.LowerBoundSeconds, "0.0")} | {F(run.TestBoundSeconds - run.LowerBoundSeconds, "0.0")} | {F(run.UnitBoundSeconds - run.TestBoundSeconds, "0.0")} | {F(run.WallSeconds - run.UnitBoundSeconds, "0.0")} | {F(run.WallSeconds, "0.0")} |");
        }
        md.AppendLine();
        md.AppendLine("Phases (commands timed from start to exit, median (min–max) of the repetitions; `run:` columns are the phases the reported run printed):");
        md.AppendLine();
        md.AppendLine("| tests | build s | discover cold s | discover warm s | plan s, no history | plan s | run: discover s | run: plan s | run: prepare s | run: merge s | merge command s | run outside execute s |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in measurements)
        {
            var phases = m.Reported.PhaseSeconds;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Tests:N0} | {(m.BuildSeconds is { } build ? F(build, "0.0") : "–")} | {Spread(m.DiscoveryColdSeconds)} | {Spread(m.DiscoveryWarmSeconds)} | {Spread(m.PlanWithoutHistorySeconds)} | {Spread(m.PlanSeconds)} | {Phase(phases, "discover")} | {Phase(phases, "plan")} | {Phase(phases, "prepare")} | {Phase(phases, "merge")} | {Spread(m.MergeSeconds)} | {F(m.Reported.OutsideExecuteSeconds)} |");
        }
        md.AppendLine();
        md.AppendLine("First run (no recorded timings: every test gets the mean) against the warm run(s), and the planner's own prediction (makespan / its bound):");
        md.AppendLine();
        md.AppendLine("| tests | first run: units / wall s | warm run(s): units / wall s | predicted, no history s | predicted, warm s |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in measurements)
        {
            var warm = string.Join(", ", m.WarmRuns.Select(run => $"{run.Units.Count} / {F(run.WallSeconds, "0.0")}"));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Tests:N0} | {m.FirstRun.Units.Count} / {F(m.FirstRun.WallSeconds, "0.0")} | {warm} | {F(m.PlanWithoutHistory.PredictedMakespanSeconds, "0.0")} / {F(m.PlanWithoutHistory.PredictedLowerBoundSeconds, "0.0")} | {F(m.Plan.PredictedMakespanSeconds, "0.0")} / {F(m.Plan.PredictedLowerBoundSeconds, "0.0")} |");
        }
        md.AppendLine();
        foreach (var m in measurements)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Units of the reported run at {m.Tests:N0} tests (load average before → after: {m.Reported.LoadBefore} → {m.Reported.LoadAfter}):");
            md.AppendLine();
            md.AppendLine("| unit | tests | wall s | test time s (TRX) | process cost s |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var unit in m.Reported.Units)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {unit.UnitId} | {unit.Tests} | {F(unit.WallSeconds, "0.0")} | {F(unit.TestSeconds, "0.0")} | {F(unit.ProcessOverheadSeconds, "0.0")} |");
            }
            md.AppendLine();
        }
        foreach (var verdict in Verdicts(measurements))
        {
            md.AppendLine(verdict);
        }
        return md.ToString();
    }

    /// <summary>The targets, reported (not asserted) at 5,000 tests.</summary>
    public static IEnumerable<string> Verdicts(IReadOnlyList<ScaleMeasurement> measurements)
    {
        if (measurements.FirstOrDefault(m => m.Tests == TargetTests) is not { } target)
        {
            yield return $"(The targets are stated at {TargetTests:N0} tests, which this run did not measure.)";
            yield break;
        }
        var run = target.Reported;
        var share = run.OverheadShare;
        var overheadTarget = F(100 * OverheadTarget, "0");
        yield return share <= OverheadTarget
            ? string.Create(CultureInfo.InvariantCulture, $"- Orchestration overhead at {TargetTests:N0} tests: {F(100 * share, "0.0")} % of wall — target ≤ {overheadTarget} % **met**.")
            : string.Create(CultureInfo.InvariantCulture, $"- Orchestration overhead at {TargetTests:N0} tests: {F(100 * share, "0.0")} % of wall — target ≤ {overheadTarget} % **missed** by {F(100 * (share - OverheadTarget), "0.0")} points.");
        var ratio = run.WallOverLowerBound;
        yield return ratio <= BoundTarget
            ? string.Create(CultureInfo.InvariantCulture, $"- Wall / lower bound at {TargetTests:N0} tests: {F(ratio)}× — target ≤ {F(BoundTarget)}× **met**.")
            : string.Create(CultureInfo.InvariantCulture, $"- Wall / lower bound at {TargetTests:N0} tests: {F(ratio)}× — target ≤ {F(BoundTarget)}× **missed** (by a factor of {F(ratio / BoundTarget)}).");
        yield return string.Create(CultureInfo.InvariantCulture, $"- Against the unit bound the comparison benchmark uses (max(longest unit, Σ unit wall / slots), process start-up counted as work): {F(run.WallOverUnitBound)}× ({(run.WallOverUnitBound <= BoundTarget ? "within" : "beyond")} {F(BoundTarget)}×).");
    }

    private static string Phase(IReadOnlyDictionary<string, double> phases, string name) =>
        phases.TryGetValue(name, out var seconds) ? F(seconds) : "–";
}
