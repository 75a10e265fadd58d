using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>The merged results of one layer: its test cases, the units that ran them and its counts.</summary>
internal sealed record LayerResults(string Name, IReadOnlyList<MergedTest> Tests, IReadOnlyList<UnitRun> Units, RunVerdict Verdict);
