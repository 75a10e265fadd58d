using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orchestrator.Configuration;

namespace Orchestrator.Adoption;

/// <summary>
/// Writes a starting <c>orchestrator.json</c> from the suggestions: one rule per test project and the
/// resources those rules name, each with a <c>description</c> saying what to check.
/// </summary>
internal static class StarterConfiguration
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
            foreach (var resource in ClientPackages.WithContainer.Where(used.Contains))
            {
                WriteResource(json, resource);
            }
            foreach (var resource in used.Except(ClientPackages.WithContainer).Order(StringComparer.Ordinal))
            {
                WriteExternalResource(json, resource, suggestions);
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

    private static void WriteExternalResource(Utf8JsonWriter json, string name, ImmutableArray<ProjectSuggestion> suggestions)
    {
        var origins = new List<string>();
        var byRule = suggestions
            .Where(suggestion => suggestion.Resources.Contains(name))
            .Select(suggestion => suggestion.Clients.FirstOrDefault(client => client.Resource == name) is { } client
                ? $"{suggestion.Project.Name} (reaches {client.Reach})"
                : suggestion.Project.Name)
            .ToList();
        if (byRule.Count > 0)
        {
            origins.Add($"Given by the rules of {string.Join(", ", byRule)}");
        }
        var byTrait = suggestions.Where(suggestion => suggestion.TraitResources.Contains(name)).Select(suggestion => suggestion.Project.Name).ToList();
        if (byTrait.Count > 0)
        {
            origins.Add($"Named by Resource traits in {string.Join(", ", byTrait)}");
        }
        json.WriteStartObject(name);
        json.WriteString(
            "description",
            $"{string.Join("; ", origins)}. init has no container definition for '{name}', so it is external: the orchestrator starts nothing for it. " +
            "The commit cadence (which allows no resource) leaves these tests out; pr and nightly allow every defined resource, so they run them against whatever the environment provides. " +
            "To run them, define a container (kind generic with an image, ports, readiness and variables), or keep it external when the environment provides the server, with its connection in variables.");
        json.WriteString("kind", "external");
        json.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter json, string name)
    {
        var (port, environment, variable, template) = name switch
        {
            ClientPackages.Postgres => (5432, new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "{secret}" },
                "ConnectionStrings__Postgres", "Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}"),
            ClientPackages.Redis => (6379, new Dictionary<string, string> { ["REDIS_PASSWORD"] = "{secret}" },
                "ConnectionStrings__Redis", "{host}:{port},password={secret},defaultDatabase={namespace},abortConnect=false"),
            ClientPackages.RabbitMq => (5672, new Dictionary<string, string> { ["RABBITMQ_DEFAULT_USER"] = "orchestrator", ["RABBITMQ_DEFAULT_PASS"] = "{secret}" },
                "ConnectionStrings__RabbitMq", "amqp://orchestrator:{secret}@{host}:{port}/{namespace}"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Only {string.Join(", ", ClientPackages.WithContainer)} have a starting definition."),
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
