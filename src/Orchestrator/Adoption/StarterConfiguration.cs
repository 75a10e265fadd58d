using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orchestrator.Adoption;

/// <summary>
/// Writes a starting <c>orchestrator.json</c> from the suggestions: one rule per test project and the
/// resources those rules name, each with a <c>description</c> saying what to check.
/// </summary>
public static class StarterConfiguration
{
    public const string SchemaUrl = "https://orchestrator.local/schema/orchestrator.schema.json";

    private const string ImageNote =
        "The orchestrator/*:local images are built from the Orchestrator repository (eng/images); any image with the same environment works (e.g. the official one).";

    public static string Write(IReadOnlyCollection<ProjectSuggestion> suggestions, string? solution)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUrl);
            json.WriteString(
                "description",
                $"Written by 'orchestrator init' from {suggestions.Count} test project(s). Check each rule and resource below, then run 'orchestrator discover' to see every test with its layer and resources, and 'orchestrator plan --cadence pr'.");
            if (solution is not null)
            {
                json.WriteString("solution", solution);
            }
            json.WriteStartArray("layers");
            json.WriteStringValue(AdoptionSuggester.Unit);
            json.WriteStringValue(AdoptionSuggester.Integration);
            json.WriteStringValue(AdoptionSuggester.EndToEnd);
            json.WriteEndArray();
            json.WriteString("defaultLayer", AdoptionSuggester.Unit);

            json.WriteStartObject("resources");
            var used = suggestions.SelectMany(suggestion => suggestion.Resources).ToHashSet(StringComparer.Ordinal);
            foreach (var (_, resource) in AdoptionSuggester.ResourcePackages.Where(pair => used.Contains(pair.Resource)))
            {
                WriteResource(json, resource);
            }
            json.WriteEndObject();

            json.WriteStartArray("rules");
            foreach (var suggestion in suggestions)
            {
                json.WriteStartObject();
                json.WriteString("assembly", suggestion.Project.Name);
                json.WriteString("layer", suggestion.Layer);
                if (!suggestion.Resources.IsEmpty)
                {
                    json.WriteStartArray("resources");
                    foreach (var resource in suggestion.Resources)
                    {
                        json.WriteStringValue(resource);
                    }
                    json.WriteEndArray();
                }
                json.WriteString("description", suggestion.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteResource(Utf8JsonWriter json, string name)
    {
        var (port, environment, variable, template) = name switch
        {
            "postgres" => (5432, new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "{secret}" },
                "ConnectionStrings__Postgres", "Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}"),
            "redis" => (6379, new Dictionary<string, string> { ["REDIS_PASSWORD"] = "{secret}" },
                "ConnectionStrings__Redis", "{host}:{port},password={secret},defaultDatabase={namespace},abortConnect=false"),
            "rabbitmq" => (5672, new Dictionary<string, string> { ["RABBITMQ_DEFAULT_USER"] = "orchestrator", ["RABBITMQ_DEFAULT_PASS"] = "{secret}" },
                "ConnectionStrings__RabbitMq", "amqp://orchestrator:{secret}@{host}:{port}/{namespace}"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Only postgres, redis and rabbitmq have a starting definition."),
        };
        json.WriteStartObject(name);
        json.WriteString(
            "description",
            $"Check that your tests read their connection from the variable(s) below, or rename them to what the tests read; {{namespace}} is the partition's own database/db/vhost, so partitions sharing the container do not collide. {ImageNote}");
        json.WriteString("kind", name);
        json.WriteString("image", $"orchestrator/{name}:local");
        json.WriteStartArray("ports");
        json.WriteNumberValue(port);
        json.WriteEndArray();
        json.WriteStartObject("environment");
        foreach (var (key, value) in environment)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
        json.WriteString("isolation", "shared");
        json.WriteStartObject("variables");
        json.WriteString(variable, template);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
