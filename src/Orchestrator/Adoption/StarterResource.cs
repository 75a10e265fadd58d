using Orchestrator.Configuration;
using Orchestrator.Configuration.Kinds;
using System.Collections.Immutable;
using System.Text.Json;

namespace Orchestrator.Adoption;

/// <summary>
/// Writes one container resource of a starting configuration from the repository's evidence: the ports and
/// environment of the service the team runs for it (credentials as <c>{secret}</c>), each variable its tests
/// read as a template, dedicated isolation when tests reach beyond their namespace, and one unit at a time when tests
/// connect to the fixed host port the service publishes (<see cref="FixedAddressLimit"/>); the description says
/// where each value came from.
/// </summary>
internal static class StarterResource
{
    private const string LocalImageNote =
        "The orchestrator/*:local images are built from the Orchestrator repository (eng/images); any image with the same environment works (e.g. the official one).";

    public static void Write(Utf8JsonWriter json, string name, RepositoryEvidence evidence, ImmutableArray<AssignedRead> reads, ImmutableArray<ServerWideUse> serverWide, AdoptionDecision? oneAtATime)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(evidence);
        var service = evidence.Services.FirstOrDefault(found => found.Resource == name);
        var description = new List<string>();
        var local = $"orchestrator/{name}:local";
        if (service?.Image is { } teamImage)
        {
            var pin = ImageKinds.Unpinned(teamImage) is { } why ? $"; it is not pinned ({why}), so pin a version before relying on it" : "";
            description.Add($"The team runs {teamImage} ({service.Origin}){pin}. Written here: {local}, the image the orchestrator builds locally (eng/images) for machines without a registry; set \"image\" to {teamImage} where a registry is reachable.");
        }
        else
        {
            description.Add(LocalImageNote);
        }

        var kind = KindDescriptors.Named(name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"Only {string.Join(", ", ClientPackages.WithContainer)} have a starting definition.");
        var ports = service is { Ports.IsEmpty: false } ? service.Ports : kind.Ports;
        if (service is { Ports.IsEmpty: false })
        {
            description.Add($"Ports from {service.Origin}.");
        }
        var environment = new Dictionary<string, string>(kind.Environment, StringComparer.Ordinal);
        foreach (var found in service?.Environment ?? [])
        {
            if (ConnectionTemplate.IsSecretName(found.Name))
            {
                environment[found.Name] = "{secret}";
            }
            else if (!found.Value.Contains("${{", StringComparison.Ordinal))
            {
                environment[found.Name] = found.Value;
            }
        }
        if (service is { Environment.IsEmpty: false })
        {
            description.Add($"Environment from {service.Origin} (credentials as {{secret}}, a password of each run's own).");
        }

        var variables = new List<(string Name, string Template)>();
        foreach (var assigned in reads)
        {
            var (template, origin) = Template(kind, assigned, service);
            variables.Add((assigned.Read.Variable, template));
            description.Add($"{assigned.Read.Variable}: read by {assigned.Project} ({assigned.Read.Origin}); {origin}.");
        }
        if (variables.Count == 0)
        {
            variables.Add((kind.ConnectionVariable, kind.ConnectionTemplate));
            description.Add("No test code was seen reading its connection: check that your tests read it from the variable below, or rename it to what they read; {namespace} is the partition's own database/db/vhost, so partitions sharing the container do not collide.");
        }
        if (!serverWide.IsEmpty)
        {
            description.Add($"Isolation is dedicated (a server for each unit running at once) because tests reach beyond their own namespace: {string.Join("; ", serverWide.Select(use => use.ToString()))}.");
        }
        if (oneAtATime is not null)
        {
            description.Add($"Concurrency: {oneAtATime.Decision} Evidence: {string.Join("; ", oneAtATime.Evidence)}.");
        }

        json.WriteStartObject(name);
        json.WriteString("description", string.Join(" ", description));
        json.WriteString("kind", name);
        json.WriteString("image", local);
        json.WriteStartArray("ports");
        foreach (var port in ports)
        {
            json.WriteNumberValue(port);
        }
        json.WriteEndArray();
        json.WriteStartObject("environment");
        foreach (var (key, value) in environment)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
        json.WriteString("isolation", serverWide.IsEmpty && kind.Isolation.Mode == IsolationMode.Shared ? "shared" : "dedicated");
        if (oneAtATime is not null)
        {
            json.WriteNumber("concurrency", 1);
        }
        json.WriteStartObject("variables");
        foreach (var (variable, template) in variables)
        {
            json.WriteString(variable, template);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static (string Template, string Origin) Template(KindDescriptor kind, AssignedRead assigned, ServiceEvidence? service)
    {
        var name = kind.Name;
        var variable = assigned.Read.Variable;
        if (assigned.Value is { } value && ConnectionTemplate.For(name, variable, value.Value, service) is { } rewritten)
        {
            return (rewritten, $"its value in {value.Origin} rewritten over the partition's server");
        }
        if (ConnectionTemplate.Part(variable, null, service) is { } part)
        {
            return (part, assigned.Value is { } unread
                ? $"its value in {unread.Origin} was not recognised; written as {part} by its name — check it"
                : $"no value found in the repository; written as {part} by its name — check it");
        }
        return (kind.ConnectionTemplate, assigned.Value is { } other
            ? $"its value in {other.Origin} was not recognised; written as the orchestrator's {name} connection string — check that the tests parse it"
            : $"no value found in the repository; written as the orchestrator's {name} connection string — check that the tests parse it");
    }
}
