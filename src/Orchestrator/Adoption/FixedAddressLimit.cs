using Orchestrator.Configuration;

namespace Orchestrator.Adoption;

/// <summary>
/// When the team's service publishes a fixed host port (<c>5432:5432</c>) and tests connect to that port on this machine
/// through an address written in their code that no variable redirects, units that run at once would share whatever
/// server listens there: the resource is written with <c>"concurrency": 1</c>, one unit at a time.
/// </summary>
internal static class FixedAddressLimit
{
    /// <summary>The decision to run <paramref name="resource"/> one unit at a time, with the addresses it rests on; null when no test is pinned to the service's host port.</summary>
    public static AdoptionDecision? Of(string resource, RepositoryEvidence evidence, IEnumerable<ProjectSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(suggestions);
        if (evidence.Services.FirstOrDefault(found => found.Resource == resource) is not { HostPorts.IsEmpty: false } service)
        {
            return null;
        }
        var protocolPort = KindDefaults.Ports(ConfigurationKeys.ResourceKinds[resource])[0];
        var pinned = suggestions
            .Where(suggestion => suggestion.Resources.Contains(resource))
            .SelectMany(suggestion => suggestion.Project.Usage.FixedAddresses)
            .Where(address => service.HostPorts.Contains(address.Port ?? protocolPort))
            .Select(address => address.ToString())
            .ToList();
        return pinned.Count == 0
            ? null
            : new AdoptionDecision(
                $"The {resource} resource is written with \"concurrency\": 1 (one unit at a time): {service.Origin} publishes it on the fixed host port {string.Join(", ", service.HostPorts)}, " +
                "and tests connect to that port through an address written in their code, which no variable the orchestrator sets redirects: they reach whatever server listens there, " +
                "so units running at once would share it with nothing of their own. To let units run at once, make those tests read their address from the resource's variable.",
                [$"{service.Origin} publishes host port {string.Join(", ", service.HostPorts)}", .. pinned]);
    }
}
