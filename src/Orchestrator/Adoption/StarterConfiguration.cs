using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orchestrator.Configuration;

namespace Orchestrator.Adoption;

/// <summary>
/// Writes a starting <c>orchestrator.json</c> from the suggestions: one rule per test project and the
/// resources those rules name (<see cref="StarterResource"/>), each with a <c>description</c> saying what it was
/// taken from and what to check.
/// </summary>
internal static class StarterConfiguration
{
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
                var serverWide = suggestions
                    .Where(suggestion => suggestion.Resources.Contains(resource))
                    .SelectMany(suggestion => suggestion.Project.Usage.ServerWide.Where(use => use.Resource == resource))
                    .ToImmutableArray();
                StarterResource.Write(json, resource, adoption.Evidence, adoption.Reads.GetValueOrDefault(resource, []), serverWide, FixedAddressLimit.Of(resource, adoption.Evidence, suggestions));
            }
            foreach (var resource in used.Except(ClientPackages.WithContainer).Order(StringComparer.Ordinal))
            {
                WriteExternalResource(json, resource, suggestions);
            }
            json.WriteEndObject();

            // Cadences are written out only to leave out the resources init could not complete; else the defaults apply.
            var incomplete = used.Where(resource => !ClientPackages.HasContainer(resource) && resource != AdoptionSuggester.DockerResource).ToHashSet(StringComparer.Ordinal);
            if (incomplete.Count > 0)
            {
                WriteCadences(json, used.Except(incomplete));
            }

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

    /// <summary>The default cadences, allowing only <paramref name="complete"/> resources.</summary>
    private static void WriteCadences(Utf8JsonWriter json, IEnumerable<string> complete)
    {
        var cadences = DefaultCadences.For([AdoptionSuggester.Unit, AdoptionSuggester.Integration, AdoptionSuggester.EndToEnd], AdoptionSuggester.Unit, complete);
        json.WriteStartObject("cadences");
        foreach (var cadence in cadences.Values.OrderBy(cadence => cadence.Retries))
        {
            json.WriteStartObject(cadence.Name);
            WriteStrings(json, "layers", cadence.Layers);
            WriteStrings(json, "resources", cadence.Resources);
            json.WriteNumber("retries", cadence.Retries);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
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
        if (name == AdoptionSuggester.DockerResource)
        {
            var starts = suggestions.SelectMany(suggestion => suggestion.Project.Usage.Containers).Select(start => start.ToString()).Distinct(StringComparer.Ordinal);
            json.WriteString(
                "description",
                $"{string.Join("; ", origins)}. Their tests start containers themselves ({string.Join(", ", starts)}), so they need a Docker engine, which the orchestrator does not start: " +
                "a cadence that does not allow 'docker' leaves them out, one that allows it runs them where the environment has an engine.");
            json.WriteString("kind", "external");
            json.WriteEndObject();
            return;
        }
        json.WriteString(
            "description",
            $"{string.Join("; ", origins)}. init has no container definition for '{name}', so it is external: the orchestrator starts nothing for it. " +
            "init cannot write it completely (no image, no connection variables), so no cadence below allows it and every cadence leaves these tests out rather than run them without their server. " +
            "To run them, define a container (kind generic with an image, ports, readiness and variables), or keep it external when the environment provides the server, with its connection in variables; then add it to the cadences' \"resources\".");
        json.WriteString("kind", "external");
        json.WriteEndObject();
    }
}
