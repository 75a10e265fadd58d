using System.Globalization;
using System.Xml.Linq;

namespace Orchestrator.Coverage;

/// <summary>
/// Writes merged coverage as Cobertura, in the shape coverlet gives it (packages are modules, classes carry their source
/// file relative to a <c>source</c> root, methods their lines with conditions per branch point), so that the tools reading
/// a unit's coverlet file read the merged one the same way, and its root figures are what coverlet states for one process.
/// </summary>
internal static class CoberturaWriter
{
    public static XDocument Render(CoverageData data, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(data);
        var figures = data.Figures();
        var files = data.Modules.Values.SelectMany(module => module.Keys);
        var roots = files.Select(Root).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var coverage = new XElement("coverage", Rates(figures),
            new XAttribute("version", "1.9"),
            new XAttribute("timestamp", timestamp.ToUnixTimeSeconds()),
            new XAttribute("lines-covered", figures.LinesCovered),
            new XAttribute("lines-valid", figures.LinesValid),
            new XAttribute("branches-covered", figures.BranchesCovered),
            new XAttribute("branches-valid", figures.BranchesValid),
            new XElement("sources", roots.Select(root => new XElement("source", root))));
        var packages = new XElement("packages");
        foreach (var (module, documents) in data.Modules)
        {
            var classes = new XElement("classes");
            var packageFigures = CoverageFigures.Zero;
            var packageComplexity = 0;
            foreach (var (file, types) in documents)
            {
                foreach (var (type, methods) in types)
                {
                    var (element, typeFigures, complexity) = Class(file, type, methods);
                    classes.Add(element);
                    packageFigures = packageFigures.Plus(typeFigures);
                    packageComplexity += complexity;
                }
            }
            packages.Add(new XElement("package", new XAttribute("name", Path.GetFileNameWithoutExtension(module)), Rates(packageFigures), new XAttribute("complexity", packageComplexity), classes));
        }
        coverage.Add(packages);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), coverage);
    }

    private static (XElement Element, CoverageFigures Figures, int Complexity) Class(string file, string type, SortedDictionary<string, MethodCoverage> methods)
    {
        var methodElements = new XElement("methods");
        var classLines = new XElement("lines");
        var figures = CoverageFigures.Zero;
        var complexity = 0;
        foreach (var (name, method) in methods)
        {
            var methodFigures = method.Figures();
            var methodComplexity = Math.Max(1, method.Branches.Count);
            var (shortName, signature) = SplitMethod(name);
            var lines = method.Lines.Select(line => Line(line.Key, line.Value, method)).ToList();
            methodElements.Add(new XElement("method",
                new XAttribute("name", shortName),
                new XAttribute("signature", signature),
                Rates(methodFigures),
                new XAttribute("complexity", methodComplexity),
                new XElement("lines", lines)));
            classLines.Add(lines.Select(line => new XElement(line)));
            figures = figures.Plus(methodFigures);
            complexity += methodComplexity;
        }
        var root = Root(file);
        var element = new XElement("class",
            new XAttribute("name", type),
            new XAttribute("filename", file.Length > root.Length ? file[root.Length..] : file),
            Rates(figures),
            new XAttribute("complexity", complexity),
            methodElements,
            classLines);
        return (element, figures, complexity);
    }

    private static XElement Line(int number, int hits, MethodCoverage method)
    {
        var line = new XElement("line", new XAttribute("number", number), new XAttribute("hits", hits));
        var branches = method.Branches.Where(branch => branch.Key.Line == number).ToList();
        if (branches.Count == 0)
        {
            line.Add(new XAttribute("branch", "False"));
            return line;
        }
        var covered = branches.Count(branch => branch.Value > 0);
        line.Add(new XAttribute("branch", "True"), new XAttribute("condition-coverage", CoverageFigures.Percent(covered, branches.Count)));
        line.Add(new XElement("conditions", branches
            .GroupBy(branch => branch.Key.Offset)
            .Select(point => new XElement("condition",
                new XAttribute("number", point.Key),
                new XAttribute("type", point.Count() > 2 ? "switch" : "jump"),
                new XAttribute("coverage", string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * point.Count(branch => branch.Value > 0) / point.Count())}%"))))));
        return line;
    }

    /// <summary>"System.Int32 Lib.Calc::Sign(System.Int32)" → ("Sign", "(System.Int32)"), as coverlet splits it.</summary>
    private static (string Name, string Signature) SplitMethod(string method)
    {
        var separator = method.IndexOf("::", StringComparison.Ordinal);
        var name = separator < 0 ? method : method[(separator + 2)..];
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? (name, "") : (name[..open], name[open..]);
    }

    /// <summary>The root a source file's name is relative to: its drive, or <c>/</c>.</summary>
    private static string Root(string file) => Path.GetPathRoot(file) is { Length: > 0 } root ? root : "";

    private static XAttribute[] Rates(CoverageFigures figures) =>
        [new("line-rate", CoverageFigures.Format(figures.LineRate)), new("branch-rate", CoverageFigures.Format(figures.BranchRate))];
}
