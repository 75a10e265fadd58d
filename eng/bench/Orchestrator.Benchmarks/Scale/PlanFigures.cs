using System.Text.Json;

namespace Orchestrator.Benchmarks.Scale;

/// <summary>What <c>plan --json</c> printed: the partitions and units it made and its own prediction.</summary>
internal sealed record PlanFigures(int SelectedTests, int Partitions, int Units, double PredictedMakespanSeconds, double PredictedLowerBoundSeconds)
{
    public static PlanFigures Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var prediction = root.GetProperty("prediction");
        var partitions = root.GetProperty("partitions").EnumerateArray().ToList();
        return new PlanFigures(
            root.GetProperty("selectedTests").GetInt32(),
            partitions.Count,
            partitions.Sum(partition => partition.GetProperty("units").GetArrayLength()),
            prediction.GetProperty("makespanSeconds").GetDouble(),
            prediction.GetProperty("lowerBoundSeconds").GetDouble());
    }
}
