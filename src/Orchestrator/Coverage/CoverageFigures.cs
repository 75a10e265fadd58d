using System.Globalization;

namespace Orchestrator.Coverage;

/// <summary>Covered and measured lines and branches, as Cobertura's root attributes state them.</summary>
public sealed record CoverageFigures(int LinesCovered, int LinesValid, int BranchesCovered, int BranchesValid)
{
    public static CoverageFigures Zero { get; } = new(0, 0, 0, 0);

    /// <summary>Covered lines over measured lines; 1 when nothing was measured (as coverlet writes it).</summary>
    public double LineRate => Rate(LinesCovered, LinesValid);

    /// <summary>Covered branches over measured branches; 1 when there are none (as coverlet writes it).</summary>
    public double BranchRate => Rate(BranchesCovered, BranchesValid);

    public CoverageFigures Plus(CoverageFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(LinesCovered + other.LinesCovered, LinesValid + other.LinesValid, BranchesCovered + other.BranchesCovered, BranchesValid + other.BranchesValid);
    }

    /// <summary>A rate as Cobertura writes it: a fraction with at most four decimals.</summary>
    public static string Format(double rate) => Math.Round(rate, 4).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"83.3% (10/12)".</summary>
    public static string Percent(int covered, int valid) =>
        string.Create(CultureInfo.InvariantCulture, $"{Rate(covered, valid) * 100:0.#}% ({covered}/{valid})");

    private static double Rate(int covered, int valid) => valid == 0 ? 1 : (double)covered / valid;
}
