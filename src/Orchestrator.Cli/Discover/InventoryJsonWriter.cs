using System.Text.Json;
using Orchestrator.Model;

namespace Orchestrator.Cli.Discover;

/// <summary>The inventory for tools: every test with its layer, resources and where they came from, and every problem.</summary>
internal static class InventoryJsonWriter
{
    public static void Write(TestInventory inventory, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("testCount", inventory.Tests.Count);
        json.WriteBoolean("incomplete", inventory.IsIncomplete);
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
            json.WriteStartArray("resources");
            foreach (var resource in test.Resources)
            {
                json.WriteStringValue(resource);
            }
            json.WriteEndArray();
            json.WriteString("resourcesOrigin", Origin(test.ResourcesOrigin));
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

    internal static string Origin(TraitOrigin origin) => origin switch
    {
        TraitOrigin.Trait => "trait",
        TraitOrigin.Project => "project",
        TraitOrigin.Rule => "rule",
        _ => "default",
    };
}
