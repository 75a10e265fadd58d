using Orchestrator.Model;
using Spectre.Console;

namespace Orchestrator.Cli.Discover;

/// <summary><c>discover --tests</c>: every test with its layer, resources and where each came from (trait, project, rule, default).</summary>
internal static class TestListView
{
    public static void Render(TestInventory inventory, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table().AddColumns("Test", "Layer", "Layer from", "Resources", "Resources from");
        foreach (var test in inventory.Tests.OrderBy(test => test.Key.Assembly, StringComparer.Ordinal).ThenBy(test => test.Key.FullyQualifiedName, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape($"{test.Key.Assembly}: {test.Key.FullyQualifiedName}"),
                Markup.Escape(test.Layer),
                InventoryJsonWriter.Origin(test.LayerOrigin),
                Markup.Escape(test.Resources.IsEmpty ? "-" : string.Join(", ", test.Resources)),
                InventoryJsonWriter.Origin(test.ResourcesOrigin));
        }
        console.Write(table);
    }
}
