using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Orchestrator.Repository;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.Adoption;

/// <summary>The services of the repository's compose files (<c>docker-compose*.yml</c>, <c>compose*.yaml</c>, …): image, <c>environment</c>, <c>ports</c>.</summary>
internal static partial class ComposeServiceScanner
{
    public static ImmutableArray<ServiceEvidence> Scan(string rootDirectory, ICollection<string> notes)
    {
        var services = ImmutableArray.CreateBuilder<ServiceEvidence>();
        foreach (var path in RepositoryFiles.Find(rootDirectory, name => ComposeFileName().IsMatch(name)))
        {
            var file = Path.GetRelativePath(rootDirectory, path).Replace('\\', '/');
            if (YamlEvidence.Child(YamlEvidence.Load(path, file, notes), "services") is not YamlMappingNode compose)
            {
                continue;
            }
            foreach (var (key, node) in compose.Children)
            {
                if (YamlEvidence.Service(key, node, file, "environment") is { } service)
                {
                    services.Add(service);
                }
            }
        }
        return services.ToImmutable();
    }

    [GeneratedRegex(@"^(?:docker-)?compose[\w.-]*\.ya?ml$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComposeFileName();
}
