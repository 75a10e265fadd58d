using Orchestrator.Model;
using Spectre.Console;

namespace Orchestrator.Cli.Pipeline;

/// <summary>Prints discovery problems and pipeline warnings before a plan or a run.</summary>
internal static class DiscoveryProblems
{
    public static void Render(TestInventory inventory, IReadOnlyList<string> warnings, IAnsiConsole console)
    {
        foreach (var problem in inventory.Problems)
        {
            var label = problem.Severity == ProblemSeverity.Error ? "[red]error[/]" : "[yellow]warning[/]";
            console.MarkupLine($"{label} {Markup.Escape(problem.Subject)}: {Markup.Escape(problem.Message)}");
        }
        foreach (var warning in warnings)
        {
            console.MarkupLine($"[yellow]warning[/] {Markup.Escape(warning)}");
        }
    }
}
