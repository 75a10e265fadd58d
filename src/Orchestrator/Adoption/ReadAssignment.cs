using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>
/// Gives each variable the tests read to the resource that provides it: by the shape of the value the repository
/// gives it (a postgres connection string, an amqp URI), else by its name (<c>REDIS_URL</c>), else — when the
/// project's rule gives one container resource and the name speaks of a connection (<c>ORDERS_DB</c>) — to that one.
/// Where the repository gives no value, the value the code falls back to stands in for it; a variable whose fallback is
/// neither a connection nor a part of one (a schema name, a key prefix) is a setting the tests keep, and is left to them.
/// </summary>
internal static class ReadAssignment
{
    public static (ImmutableDictionary<string, ImmutableArray<AssignedRead>> ByResource, ImmutableArray<string> Notes) Assign(
        IEnumerable<ProjectSuggestion> suggestions, RepositoryEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentNullException.ThrowIfNull(evidence);
        var byResource = new Dictionary<string, List<AssignedRead>>(StringComparer.Ordinal);
        var notes = ImmutableArray.CreateBuilder<string>();
        foreach (var suggestion in suggestions)
        {
            var containers = suggestion.Resources.Where(ClientPackages.HasContainer).ToList();
            foreach (var read in suggestion.Project.Usage.Reads)
            {
                var value = evidence.ValueFor(read);
                if (value is null && read.Fallback is { } fallback)
                {
                    if (ConnectionTemplate.KindOf(fallback) is null && ConnectionTemplate.Part(read.Variable, fallback, service: null) is null)
                    {
                        continue;
                    }
                    value = new FoundValue(read.Variable, fallback, read.File, read.Line);
                }
                var resource = Owner(read, value, containers);
                if (resource is null)
                {
                    if (containers.Count > 0 && ConnectionTemplate.LooksLikeConnection(read.Variable))
                    {
                        notes.Add($"{suggestion.Project.Name} reads {read.Variable} ({read.Origin}), which init could not give to one of {string.Join(", ", containers)}; add it to that resource's \"variables\" (a template over {{host}}, {{port}}, {{namespace}}, {{secret}}) or to \"testEnvironment\".");
                    }
                    continue;
                }
                if (!byResource.TryGetValue(resource, out var reads))
                {
                    byResource[resource] = reads = [];
                }
                if (!reads.Any(known => known.Read.Variable == read.Variable))
                {
                    reads.Add(new AssignedRead(read, suggestion.Project.Name, value));
                }
            }
        }
        return (byResource.ToImmutableDictionary(pair => pair.Key, pair => pair.Value.ToImmutableArray(), StringComparer.Ordinal), notes.ToImmutable());
    }

    private static string? Owner(VariableRead read, FoundValue? value, List<string> containers)
    {
        if (value is not null && ConnectionTemplate.KindOf(value.Value) is { } shaped)
        {
            return containers.Contains(shaped) ? shaped : null;
        }
        if (ConnectionTemplate.KindOfName(read.Variable) is { } named && containers.Contains(named))
        {
            return named;
        }
        return containers.Count == 1 && ConnectionTemplate.LooksLikeConnection(read.Variable) ? containers[0] : null;
    }
}
