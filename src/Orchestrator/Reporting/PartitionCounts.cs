using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>Counts of one partition of a layer, for the summary's per-partition table.</summary>
internal sealed record PartitionCounts(string Layer, string PartitionId, string Resources, int UnitProcesses, RunVerdict Counts)
{
    public static IEnumerable<PartitionCounts> Of(MergedRun run) =>
        run.Layers.SelectMany(layer => layer.Tests
            .Select(test => test.PartitionId)
            .Concat(layer.Units.Select(unit => unit.PartitionId))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(partition => new PartitionCounts(
                layer.Name,
                partition,
                layer.Units.FirstOrDefault(unit => unit.PartitionId == partition)?.Resources.ToString() ?? "",
                layer.Units.Count(unit => unit.PartitionId == partition && !unit.Cached),
                CountsOf(layer.Tests.Where(test => test.PartitionId == partition).ToList(), run))));

    private static RunVerdict CountsOf(List<MergedTest> tests, MergedRun run) =>
        RunVerdict.From(tests, run.Record.Incomplete, run.Verdict.FlakyFailsBuild) with { IsolationProblems = tests.Count(run.IsIsolationProblem) };
}
