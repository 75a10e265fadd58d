using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Model;

namespace Orchestrator.Reporting;

/// <summary>A resource set as a JSON array of names.</summary>
internal sealed class ResourceSetJsonConverter : JsonConverter<ResourceSet>
{
    public override ResourceSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A resource set is a JSON array of resource names.");
        }
        var names = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            names.Add(reader.GetString() ?? throw new JsonException("A resource name cannot be null."));
        }
        return ResourceSet.Of(names);
    }

    public override void Write(Utf8JsonWriter writer, ResourceSet value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var name in value)
        {
            writer.WriteStringValue(name);
        }
        writer.WriteEndArray();
    }
}
