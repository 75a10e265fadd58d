using System.Xml.Linq;
using Orchestrator.Coverage;
using Xunit;

namespace Orchestrator.Tests.Coverage;

[Trait("Category", "Unit")]
public sealed class CoverageMergerTests
{
    [Fact]
    public void Hits_of_the_same_line_and_branch_path_add_up_and_paths_taken_in_different_units_all_count()
    {
        // Each unit took one path of each of the two-way branch points on line 10: 1/2 each, 2/2 together, which
        // Cobertura's per-point percentages could not have told from 1/2.
        var positive = Unit(lines: [(10, 1), (12, 1), (14, 0)], branches: [(10, 2, 0, 1), (10, 2, 1, 0)]);
        var negative = Unit(lines: [(10, 1), (12, 0), (14, 1)], branches: [(10, 2, 0, 0), (10, 2, 1, 1)]);
        var warnings = new List<string>();

        var (report, files) = CoverageMerger.Merge([("unit", positive, "a.json"), ("integration", negative, "b.json")], ["unit", "integration"], DateTimeOffset.UnixEpoch, warnings);

        Assert.Empty(warnings);
        Assert.Equal(new CoverageFigures(3, 3, 2, 2), report.Run.Figures);
        Assert.Equal(new CoverageFigures(2, 3, 1, 2), report.Layers.Single(layer => layer.Name == "unit").Figures);
        Assert.Equal(new CoverageFigures(2, 3, 1, 2), report.Layers.Single(layer => layer.Name == "integration").Figures);
        Assert.Equal(2, report.Units);
        Assert.Equal(["coverage.unit.cobertura.xml", "coverage.integration.cobertura.xml", "coverage.cobertura.xml"], files.Select(file => file.FileName));

        var run = files.Single(file => file.FileName == CoverageReport.RunFileName).Document.Root!;
        Assert.Equal(("1", "1", "3", "3", "2", "2"), (
            run.Attribute("line-rate")!.Value, run.Attribute("branch-rate")!.Value,
            run.Attribute("lines-covered")!.Value, run.Attribute("lines-valid")!.Value,
            run.Attribute("branches-covered")!.Value, run.Attribute("branches-valid")!.Value));
        var method = run.Descendants("method").Single();
        Assert.Equal(("Sign", "(System.Int32)"), (method.Attribute("name")!.Value, method.Attribute("signature")!.Value));
        var line = method.Descendants("line").Single(element => element.Attribute("number")!.Value == "10");
        Assert.Equal("2", line.Attribute("hits")!.Value);
        Assert.Equal("100% (2/2)", line.Attribute("condition-coverage")!.Value);
        var type = run.Descendants("class").Single();
        Assert.Equal("repo/src/Shop/Sign.cs", type.Attribute("filename")!.Value);
        Assert.Equal("/", run.Element("sources")!.Element("source")!.Value);
        Assert.Equal("Shop", run.Descendants("package").Single().Attribute("name")!.Value);
    }

    [Fact]
    public void Layer_rates_in_the_layer_file_are_the_layers_own()
    {
        var covered = Unit(lines: [(10, 3), (12, 0)], branches: []);

        var (_, files) = CoverageMerger.Merge([("unit", covered, "a.json")], ["unit", "integration"], DateTimeOffset.UnixEpoch, []);

        var layer = files.Single(file => file.FileName == "coverage.unit.cobertura.xml").Document.Root!;
        Assert.Equal("0.5", layer.Attribute("line-rate")!.Value);
        Assert.Equal("1", layer.Attribute("branch-rate")!.Value);
        Assert.DoesNotContain(files, file => file.FileName == "coverage.integration.cobertura.xml");
    }

    [Fact]
    public void A_file_that_is_not_coverlets_json_is_left_out_with_a_warning_naming_it()
    {
        var warnings = new List<string>();

        var (report, _) = CoverageMerger.Merge(
            [("unit", "<coverage />", "/results/u1/coverage.json"), ("unit", Unit(lines: [(10, 1)], branches: []), "/results/u2/coverage.json")],
            ["unit"],
            DateTimeOffset.UnixEpoch,
            warnings);

        Assert.Equal(new CoverageFigures(1, 1, 0, 0), report.Run.Figures);
        Assert.Contains("/results/u1/coverage.json", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void The_merged_file_is_cobertura_that_reads_back_with_the_same_totals()
    {
        var unit = Unit(lines: [(10, 1), (12, 0), (14, 2)], branches: [(10, 2, 0, 1), (10, 2, 1, 0), (14, 8, 0, 1), (14, 8, 1, 1), (14, 8, 2, 0)]);

        var (report, files) = CoverageMerger.Merge([("unit", unit, "a.json")], ["unit"], DateTimeOffset.UnixEpoch, []);

        var root = XDocument.Parse(files[^1].Document.ToString()).Root!;
        var lines = root.Descendants("class").Elements("lines").Elements("line").ToList();
        Assert.Equal(report.Run.Figures.LinesValid, lines.Count);
        Assert.Equal(report.Run.Figures.LinesCovered, lines.Count(line => int.Parse(line.Attribute("hits")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0));
        var switchPoint = root.Descendants("method").Descendants("condition").Single(condition => condition.Attribute("number")!.Value == "8");
        Assert.Equal(("switch", "67%"), (switchPoint.Attribute("type")!.Value, switchPoint.Attribute("coverage")!.Value));
    }

    private static string Unit((int Line, int Hits)[] lines, (int Line, int Offset, int Path, int Hits)[] branches) =>
        CoverletJsonSample.Of(lines, branches);
}
