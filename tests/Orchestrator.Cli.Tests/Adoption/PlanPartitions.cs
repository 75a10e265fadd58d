using System.Text.Json;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>The partitions of a <c>plan --json</c> document: partition id → the sorted names of its tests.</summary>
internal static class PlanPartitions
{
    public static SortedDictionary<string, string> Read(string planJson)
    {
        using var plan = JsonDocument.Parse(planJson);
        var partitions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var partition in plan.RootElement.GetProperty("partitions").EnumerateArray())
        {
            var tests = partition.GetProperty("units").EnumerateArray()
                .SelectMany(unit => unit.GetProperty("tests").EnumerateArray().Select(test => test.GetString()!))
                .Order(StringComparer.Ordinal);
            partitions.Add(partition.GetProperty("id").GetString()!, string.Join("\n", tests));
        }
        return partitions;
    }
}
