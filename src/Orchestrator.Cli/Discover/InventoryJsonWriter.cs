using System.Text.Json;
using Orchestrator.Model;

namespace Orchestrator.Cli.Discover;

/// <summary>
/// The inventory for tools: the counts per layer and resource set, every test with its layer, resources and
/// where they came from, and every problem.
/// </summary>
internal static class InventoryJsonWriter
{
    public static void Write(TestInventory inventory, IReadOnlyList<string> layerOrder, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("testCount", inventory.Tests.Count);
        json.WriteBoolean("incomplete", inventory.IsIncomplete);
        json.WriteStartArray("counts");
        foreach (var row in InventorySummary.Of(inventory, layerOrder).Rows)
        {
            json.WriteStartObject();
            json.WriteString("layer", row.Layer);
            WriteResources(json, row.Resources);
            json.WriteNumber("tests", row.Tests);
            json.WriteNumber("cases", row.Cases);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("tests");
        foreach (var test in inventory.Tests)
        {
            json.WriteStartObject();
            json.WriteString("assembly", test.Key.Assembly);
            json.WriteString("fullyQualifiedName", test.Key.FullyQualifiedName);
            json.WriteString("displayName", test.DisplayName);
            json.WriteString("source", test.SourcePath);
            json.WriteString("project", test.ProjectPath);
            json.WriteString("layer", test.Layer);
            json.WriteString("layerOrigin", Origin(test.LayerOrigin));
            WriteResources(json, test.Resources);
            json.WriteString("resourcesOrigin", Origin(test.ResourcesOrigin));
            if (test.Partition is not null)
            {
                json.WriteString("partition", test.Partition);
            }
            json.WriteNumber("caseCount", test.CaseCount);
            json.WriteStartArray("traits");
            foreach (var trait in test.Traits)
            {
                json.WriteStartObject();
                json.WriteString("name", trait.Name);
                json.WriteString("value", trait.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var problem in inventory.Problems)
        {
            json.WriteStartObject();
            json.WriteString("severity", problem.Severity == ProblemSeverity.Error ? "error" : "warning");
            json.WriteString("subject", problem.Subject);
            json.WriteString("message", problem.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteResources(Utf8JsonWriter json, ResourceSet resources)
    {
        json.WriteStartArray("resources");
        foreach (var resource in resources)
        {
            json.WriteStringValue(resource);
        }
        json.WriteEndArray();
    }

    internal static string Origin(TraitOrigin origin) => origin switch
    {
        TraitOrigin.Trait => "trait",
        TraitOrigin.Project => "project",
        TraitOrigin.Rule => "rule",
        _ => "default",
    };
}
