using System.Xml.Linq;

namespace Orchestrator.Coverage;

/// <summary>
/// Merges the coverage files units left (coverlet's JSON) per layer and for the whole run, and renders each as Cobertura.
/// </summary>
/// <remarks>
/// A merge of its own rather than ReportGenerator's: ReportGenerator is served here only as a .NET tool (a process per
/// run, against the CPU budget) or a package of that tool, and both merge Cobertura, whose branch figures are a
/// percentage per branch point: two units that each took one path of an <c>if</c> read 1/2 and 1/2, and no merge of
/// those can tell 2/2 from 1/2. Coverlet's JSON keeps every path's hits, so summing hits per line and per branch path
/// gives exactly what one process running every test would have measured.
/// </remarks>
internal static class CoverageMerger
{
    /// <param name="files">Each unit file's layer, text and path (for warnings).</param>
    /// <param name="layers">Layers in report order.</param>
    /// <param name="timestamp">Written into each file.</param>
    /// <param name="warnings">Receives a warning for each file that is not coverlet's JSON.</param>
    public static (CoverageReport Report, IReadOnlyList<(string FileName, XDocument Document)> Files) Merge(
        IReadOnlyList<(string Layer, string Text, string Source)> files,
        IReadOnlyList<string> layers,
        DateTimeOffset timestamp,
        List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(warnings);
        var run = new CoverageData();
        var byLayer = new Dictionary<string, CoverageData>(StringComparer.Ordinal);
        foreach (var (layer, text, source) in files)
        {
            CoverageData data;
            try
            {
                data = CoverletJson.Parse(text);
            }
            catch (FormatException exception)
            {
                warnings.Add($"The coverage file '{source}' could not be read and is left out of the merged coverage: {exception.Message}");
                continue;
            }
            run.Add(data);
            if (!byLayer.TryGetValue(layer, out var layerData))
            {
                layerData = new CoverageData();
                byLayer[layer] = layerData;
            }
            layerData.Add(data);
        }
        var written = new List<(string, XDocument)>();
        var layerCoverage = new List<LayerCoverage>();
        foreach (var layer in layers.Where(byLayer.ContainsKey).Concat(byLayer.Keys.Where(layer => !layers.Contains(layer)).Order(StringComparer.Ordinal)))
        {
            var fileName = CoverageReport.LayerFileName(layer);
            layerCoverage.Add(new LayerCoverage(layer, byLayer[layer].Figures(), fileName));
            written.Add((fileName, CoberturaWriter.Render(byLayer[layer], timestamp)));
        }
        written.Add((CoverageReport.RunFileName, CoberturaWriter.Render(run, timestamp)));
        return (new CoverageReport(layerCoverage, new LayerCoverage("all", run.Figures(), CoverageReport.RunFileName), files.Count), written);
    }
}
