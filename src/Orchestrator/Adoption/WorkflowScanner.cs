using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.Adoption;

/// <summary>
/// Reads the CI workflows (<c>.github/workflows/*.yml</c>) for the services the team starts beside its tests
/// (<c>jobs.*.services</c>: image, <c>env</c>, <c>ports</c>) and the variables it gives them (<c>env:</c> of the
/// workflow, of each job and of each step).
/// </summary>
internal static class WorkflowScanner
{
    public static (ImmutableArray<ServiceEvidence> Services, ImmutableArray<FoundValue> Variables) Scan(string rootDirectory, ICollection<string> notes)
    {
        var services = ImmutableArray.CreateBuilder<ServiceEvidence>();
        var variables = ImmutableArray.CreateBuilder<FoundValue>();
        var directory = Path.Combine(rootDirectory, ".github", "workflows");
        if (!Directory.Exists(directory))
        {
            return ([], []);
        }
        var files = Directory.EnumerateFiles(directory)
            .Where(path => path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var file = Path.GetRelativePath(rootDirectory, path).Replace('\\', '/');
            if (YamlEvidence.Load(path, file, notes) is not { } workflow)
            {
                continue;
            }
            variables.AddRange(YamlEvidence.Variables(YamlEvidence.Child(workflow, "env"), file));
            if (YamlEvidence.Child(workflow, "jobs") is not YamlMappingNode jobs)
            {
                continue;
            }
            foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
            {
                variables.AddRange(YamlEvidence.Variables(YamlEvidence.Child(job, "env"), file));
                if (YamlEvidence.Child(job, "services") is YamlMappingNode jobServices)
                {
                    foreach (var (key, node) in jobServices.Children)
                    {
                        if (YamlEvidence.Service(key, node, file, "env") is { } service)
                        {
                            services.Add(service);
                        }
                    }
                }
                if (YamlEvidence.Child(job, "steps") is YamlSequenceNode steps)
                {
                    foreach (var step in steps.Children.OfType<YamlMappingNode>())
                    {
                        variables.AddRange(YamlEvidence.Variables(YamlEvidence.Child(step, "env"), file));
                    }
                }
            }
        }
        return (services.ToImmutable(), variables.ToImmutable());
    }
}
