using System.Globalization;
using System.Xml.Linq;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>A Cobertura file's totals, and the rates as the run's reports write them.</summary>
/// <param name="Hits">Every method line's hits added up: counting a unit's file twice would double it.</param>
internal sealed record CoberturaTotals(int LinesCovered, int LinesValid, int BranchesCovered, int BranchesValid, long Hits)
{
    public static CoberturaTotals Read(string cobertura)
    {
        var root = XDocument.Load(cobertura).Root!;
        int Count(string name) => int.Parse(root.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        var hits = root.Descendants("method").Descendants("line").Sum(line => long.Parse(line.Attribute("hits")!.Value, CultureInfo.InvariantCulture));
        return new CoberturaTotals(Count("lines-covered"), Count("lines-valid"), Count("branches-covered"), Count("branches-valid"), hits);
    }

    /// <summary>The row summary.md writes for <paramref name="layer"/> (<c>**all**</c> for the run) and its file.</summary>
    public string SummaryRow(string layer, string file) =>
        $"| {layer} | {Percent(LinesCovered, LinesValid)} | {Percent(BranchesCovered, BranchesValid)} | `{file}` |";

    public string LinePercent => Percent(LinesCovered, LinesValid);

    public string LineRate => Rate(LinesCovered, LinesValid);

    public string BranchRate => Rate(BranchesCovered, BranchesValid);

    private static string Percent(int covered, int valid) =>
        string.Create(CultureInfo.InvariantCulture, $"{100.0 * covered / valid:0.#}% ({covered}/{valid})");

    private static string Rate(int covered, int valid) =>
        Math.Round((double)covered / valid, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
