using System.Globalization;
using Orchestrator.Pipeline;
using Spectre.Console;

namespace Orchestrator.Cli.Plan;

/// <summary>The result cache's part of a plan: how many tests it reuses, and with <c>--explain</c> why each assembly's others run.</summary>
internal static class CacheView
{
    public static void Render(PlannedRun planned, bool explain, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(console);
        if (planned.CacheOff is { } off)
        {
            console.MarkupLine($"Result cache not used: {Markup.Escape(off)}.");
            return;
        }
        var scopes = planned.CacheSummary;
        var reused = scopes.Sum(scope => scope.Reused);
        var run = scopes.Sum(scope => scope.Run);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Result cache ({Markup.Escape(planned.CacheDirectory ?? "")}): {reused} test(s) reused, {run} to run{(explain ? ":" : "; --explain says why each assembly's tests run.")}"));
        if (!explain)
        {
            return;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Assembly")
            .AddColumn("Resources")
            .AddColumn(new TableColumn("Reused").RightAligned())
            .AddColumn(new TableColumn("Run").RightAligned())
            .AddColumn("Why they run");
        foreach (var scope in scopes)
        {
            table.AddRow(
                Markup.Escape(scope.Source),
                Markup.Escape(scope.Resources),
                scope.Reused.ToString(CultureInfo.InvariantCulture),
                scope.Run.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(scope.Reason ?? "—"));
        }
        console.Write(table);
    }
}
