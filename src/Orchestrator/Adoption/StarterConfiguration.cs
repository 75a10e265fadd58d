using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orchestrator.Configuration;

namespace Orchestrator.Adoption;

/// <summary>
/// Writes a starting <c>orchestrator.json</c> from the suggestions: one rule per test project and the
/// resources those rules name, each with a <c>description</c> saying what to check.
/// </summary>
public static class StarterConfiguration
{
    private const string ImageNote =
        "The orchestrator/*:local images are built from the Orchestrator repository (eng/images); any image with the same environment works (e.g. the official one).";

    public static string Write(RepositoryAdoption adoption)
    {
        ArgumentNullException.ThrowIfNull(adoption);
        var suggestions = adoption.Suggestions;
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (adoption.Schema is not null)
            {
                json.WriteString("$schema", adoption.Schema);
            }
            json.WriteString(
                "description",
                $"Written by 'orchestrator init' from {suggestions.Length} test project(s). Check each rule and resource below, then run 'orchestrator build', 'orchestrator discover --tests' to see every test with its layer and resources, and 'orchestrator plan --cadence pr'.");
            json.WriteStartObject("build");
            if (adoption.Solution is not null)
            {
                json.WriteString("solution", adoption.Solution);
            }
            json.WriteString("configuration", BuildSettings.DefaultConfiguration);
            json.WriteStartObject("properties");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("layers");
            json.WriteStringValue(AdoptionSuggester.Unit);
            json.WriteStringValue(AdoptionSuggester.Integration);
            json.WriteStringValue(AdoptionSuggester.EndToEnd);
            json.WriteEndArray();
            json.WriteString("defaultLayer", AdoptionSuggester.Unit);

            json.WriteStartObject("resources");
            var used = suggestions.SelectMany(suggestion => suggestion.Resources.Concat(suggestion.TraitResources)).ToHashSet(StringComparer.Ordinal);
            var known = AdoptionSuggester.ResourcePackages.Select(pair => pair.Resource).ToList();
            foreach (var resource in known.Where(used.Contains))
            {
                WriteResource(json, resource);
            }
            foreach (var resource in used.Except(known).Order(StringComparer.Ordinal))
            {
                var where = suggestions.Where(suggestion => suggestion.TraitResources.Contains(resource)).Select(suggestion => suggestion.Project.Name);
                WriteExternalResource(json, resource, string.Join(", ", where));
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

    private static void WriteExternalResource(Utf8JsonWriter json, string name, string projects)
    {
        json.WriteStartObject(name);
        json.WriteString(
            "description",
            $"Named by Resource traits in {projects}. init knows no container for '{name}', so it is external: the environment provides it and the orchestrator starts nothing. " +
            "To start a container instead, set kind generic with an image, ports, readiness and variables.");
        json.WriteString("kind", "external");
        json.WriteEndObject();
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
