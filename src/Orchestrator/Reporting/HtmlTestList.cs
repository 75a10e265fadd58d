using System.Globalization;
using System.Text;
using Orchestrator.Results;
using static Orchestrator.Reporting.HtmlText;

namespace Orchestrator.Reporting;

/// <summary>
/// The tests section of <c>report.html</c>: a text filter, one toggle per outcome with its count, and the listed tests
/// grouped by assembly, then class, each group headed by a row with its counts. A row carries its outcome
/// (<c>data-outcome</c>) and its duration in milliseconds (<c>data-ms</c>) for the report's script, which filters,
/// sorts by duration and can show the rows as one flat list.
/// </summary>
internal static class HtmlTestList
{
    private const int Columns = 6;

    /// <summary>Order of the outcome toggles: what a reader looks for first.</summary>
    private static readonly TestOutcome[] _filterOrder = [TestOutcome.Failed, TestOutcome.Flaky, TestOutcome.Skipped, TestOutcome.NotRun, TestOutcome.Passed];

    /// <summary>Order of the counts in a group header.</summary>
    private static readonly TestOutcome[] _countOrder = [TestOutcome.Failed, TestOutcome.NotRun, TestOutcome.Flaky, TestOutcome.Skipped, TestOutcome.Passed];

    /// <summary>Appends the section; failures come first (tests, then groups), at most <paramref name="maxListed"/> tests.</summary>
    public static void Append(StringBuilder html, MergedRun run, int maxListed)
    {
        var tests = run.Tests.ToList();
        var listed = tests.OrderBy(test => Rank(test.Outcome)).ThenByDescending(test => test.Duration).Take(maxListed).ToList();
        var totals = tests.CountBy(test => test.Outcome).ToDictionary(pair => pair.Key, pair => pair.Value);

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"tests\"><h2>Tests ({tests.Count})</h2>\n<div class=\"controls\">\n");
        html.Append("<input id=\"filter\" type=\"search\" placeholder=\"Filter by name, assembly, layer or outcome\" aria-label=\"Filter tests by text\">\n");
        html.Append("<span id=\"outcome-filters\" role=\"group\" aria-label=\"Show only tests with these outcomes\">");
        foreach (var outcome in _filterOrder)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<button type=\"button\" class=\"outcome-filter outcome-{Key(outcome)}\" data-outcome=\"{Key(outcome)}\" aria-pressed=\"false\">{Label(outcome)} <span class=\"count\">{totals.GetValueOrDefault(outcome)}</span></button>");
        }
        html.Append("<button type=\"button\" id=\"outcome-all\">all</button></span>\n");
        html.Append("<label class=\"grouping\"><input type=\"checkbox\" id=\"group-tests\" checked> group by assembly and class</label>\n");
        html.Append("<span id=\"tests-shown\" class=\"note\" aria-live=\"polite\"></span>\n</div>\n");

        html.Append("<table id=\"tests-table\"><colgroup><col class=\"name\"><col class=\"layer\"><col class=\"partition\"><col class=\"outcome\"><col class=\"duration\"><col class=\"attempts\"></colgroup>\n");
        html.Append("<thead><tr><th scope=\"col\">Test</th><th scope=\"col\">Layer</th><th scope=\"col\">Partition</th><th scope=\"col\">Outcome</th><th scope=\"col\" class=\"duration\" aria-sort=\"none\"><button type=\"button\" id=\"sort-duration\" title=\"Sort by duration: slowest first, click again for fastest first\">Duration</button></th><th scope=\"col\">Attempts</th></tr></thead>\n");
        html.Append("<tbody class=\"flat\" hidden></tbody>\n");
        foreach (var assembly in Group(listed))
        {
            var assemblyTests = assembly.Classes.SelectMany(group => group.Tests).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<tbody class=\"assembly\" data-assembly=\"{Encode(assembly.Name)}\"><tr class=\"assembly-header\"><th colspan=\"{Columns}\" scope=\"rowgroup\">");
            AppendGroupHeading(html, assembly.Name, assemblyTests);
            html.Append("</th></tr></tbody>\n");
            foreach (var group in assembly.Classes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tbody class=\"class\" data-assembly=\"{Encode(assembly.Name)}\" data-class=\"{Encode(group.Name)}\"><tr class=\"class-header\"><th colspan=\"{Columns}\" scope=\"rowgroup\">");
                AppendGroupHeading(html, group.Name.Length == 0 ? "(no class)" : group.Name, group.Tests);
                html.Append("</th></tr>\n");
                foreach (var test in group.Tests)
                {
                    AppendRow(html, test, group.Name);
                }
                html.Append("</tbody>\n");
            }
        }
        html.Append("</table>\n");
        if (tests.Count > listed.Count)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"tests-not-listed\">{tests.Count - listed.Count} more tests are in the per-layer TRX and JUnit files.</p>\n");
        }
        html.Append("</section>\n");
    }

    /// <summary>The outcome as the report's classes, attributes and filters name it: <c>passed</c>, <c>notrun</c>, ….</summary>
    public static string Key(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "passed",
        TestOutcome.Flaky => "flaky",
        TestOutcome.Failed => "failed",
        TestOutcome.Skipped => "skipped",
        TestOutcome.NotRun => "notrun",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown test outcome."),
    };

    /// <summary>The outcome as a reader sees it: <c>not run</c> rather than <c>notrun</c>.</summary>
    public static string Label(TestOutcome outcome) => outcome == TestOutcome.NotRun ? "not run" : Key(outcome);

    private static int Rank(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Failed or TestOutcome.NotRun => 0,
        TestOutcome.Flaky => 1,
        _ => 2,
    };

    /// <summary>Assemblies, then classes (the fully qualified name without the method); groups holding failures first, then by name.</summary>
    private static List<AssemblyGroup> Group(IReadOnlyList<MergedTest> listed) =>
        [.. listed
            .GroupBy(test => test.Key.Assembly, StringComparer.Ordinal)
            .Select(assembly => new AssemblyGroup(
                assembly.Key,
                [.. assembly
                    .GroupBy(test => QualifiedName.ClassOf(test.Key.FullyQualifiedName), StringComparer.Ordinal)
                    .Select(group => new ClassGroup(group.Key, [.. group]))
                    .OrderBy(group => group.Tests.Min(test => Rank(test.Outcome)))
                    .ThenBy(group => group.Name, StringComparer.Ordinal)]))
            .OrderBy(assembly => assembly.Classes.Min(group => group.Tests.Min(test => Rank(test.Outcome))))
            .ThenBy(assembly => assembly.Name, StringComparer.Ordinal)];

    private static void AppendGroupHeading(StringBuilder html, string name, IReadOnlyList<MergedTest> tests)
    {
        var counts = tests.CountBy(test => test.Outcome).ToDictionary(pair => pair.Key, pair => pair.Value);
        var parts = _countOrder.Where(counts.ContainsKey).Select(outcome => $"{counts[outcome].ToString(CultureInfo.InvariantCulture)} {Label(outcome)}");
        var duration = TimeSpan.FromTicks(tests.Sum(test => test.Duration.Ticks));
        html.Append(CultureInfo.InvariantCulture,
            $"<button type=\"button\" class=\"group-toggle\" aria-expanded=\"true\">{Encode(name)}</button> <span class=\"group-counts\">{tests.Count} {(tests.Count == 1 ? "test" : "tests")}: {string.Join(", ", parts)}</span> <span class=\"group-duration\">{Encode(ReportFormat.Duration(duration))}</span>");
    }

    private static void AppendRow(StringBuilder html, MergedTest test, string className)
    {
        var key = Key(test.Outcome);
        html.Append(CultureInfo.InvariantCulture, $"<tr class=\"test outcome-{key}\" data-outcome=\"{key}\"><td class=\"name\">");
        var name = test.DisplayName;
        if (className.Length > 0 && name.Length > className.Length + 1 && name.StartsWith(className + ".", StringComparison.Ordinal))
        {
            // The whole name stays in the cell (the text filter and a copy see it); the class part, which the group header
            // already names, is dimmed.
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"class-name\">{Encode(name[..(className.Length + 1)])}</span>{Encode(name[(className.Length + 1)..])}");
        }
        else
        {
            html.Append(Encode(name));
        }
        html.Append(CultureInfo.InvariantCulture,
            $"</td><td>{Encode(test.Layer)}</td><td>{Encode(test.PartitionId)}</td><td class=\"outcome\">{Label(test.Outcome)}{(test.Quarantined ? " (quarantined)" : "")}{(test.Cached ? $" <span class=\"cached\" title=\"{Encode(test.Attempts[^1].Result.StdOut ?? "")}\">(cached)</span>" : "")}</td><td class=\"duration\" data-ms=\"{Number(test.Duration.TotalMilliseconds)}\">{Encode(ReportFormat.Duration(test.Duration))}</td><td class=\"attempts\">{test.Attempts.Count}</td></tr>\n");
    }

    private sealed record AssemblyGroup(string Name, IReadOnlyList<ClassGroup> Classes);

    private sealed record ClassGroup(string Name, IReadOnlyList<MergedTest> Tests);
}
