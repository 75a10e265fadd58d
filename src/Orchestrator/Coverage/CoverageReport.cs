namespace Orchestrator.Coverage;

/// <summary>The merged coverage of a run: one Cobertura file per layer that has coverage, and one for the run.</summary>
/// <param name="Layers">Layers with coverage, in report order.</param>
/// <param name="Run">Every unit's coverage merged.</param>
/// <param name="Units">Unit processes whose coverage was merged.</param>
public sealed record CoverageReport(IReadOnlyList<LayerCoverage> Layers, LayerCoverage Run, int Units)
{
    public const string RunFileName = "coverage.cobertura.xml";

    /// <summary><c>coverage.&lt;layer&gt;.cobertura.xml</c>.</summary>
    public static string LayerFileName(string layer) => $"coverage.{layer}.cobertura.xml";
}
