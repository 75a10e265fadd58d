using Orchestrator.Model;

namespace Orchestrator.Cli.Discover;

/// <summary>How many tests each (layer, resource set) has, layers in configured order.</summary>
internal sealed record InventorySummary(IReadOnlyList<InventorySummary.Row> Rows, int TotalTests)
{
    internal sealed record Row(string Layer, ResourceSet Resources, int Tests, int Cases);

    public static InventorySummary Of(TestInventory inventory, IReadOnlyList<string> layerOrder)
    {
        int LayerRank(string layer)
        {
            var index = layerOrder.ToList().FindIndex(known => string.Equals(known, layer, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? int.MaxValue : index;
        }

        var rows = inventory.Tests
            .GroupBy(test => (test.Layer, test.Resources))
            .Select(group => new Row(group.Key.Layer, group.Key.Resources, group.Count(), group.Sum(test => test.CaseCount)))
            .OrderBy(row => LayerRank(row.Layer))
            .ThenBy(row => row.Layer, StringComparer.Ordinal)
            .ThenBy(row => row.Resources.Count)
            .ThenBy(row => row.Resources.ToString(), StringComparer.Ordinal)
            .ToList();
        return new InventorySummary(rows, inventory.Tests.Count);
    }
}
