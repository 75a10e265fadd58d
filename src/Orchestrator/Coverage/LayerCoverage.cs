namespace Orchestrator.Coverage;

/// <summary>Merged coverage of one layer (or of the whole run) and the Cobertura file it was written to.</summary>
/// <param name="Name">The layer, or <c>all</c> for the run.</param>
/// <param name="FileName">Its Cobertura file, in the results directory.</param>
public sealed record LayerCoverage(string Name, CoverageFigures Figures, string FileName);
