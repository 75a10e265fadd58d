using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Orchestrator.Adoption;

/// <summary>
/// Suggests a layer per test project from its name (…IntegrationTests: integration; …E2E…/…EndToEnd…: e2e;
/// …Tests: unit) and resources from the client packages it reaches (Npgsql: postgres,
/// StackExchange.Redis: redis, RabbitMQ.Client: rabbitmq), unless its tests already name their
/// resources in traits. Whatever it cannot tell is said in <see cref="ProjectSuggestion.Undecided"/>.
/// </summary>
public static partial class AdoptionSuggester
{
    public const string Unit = "unit";
    public const string Integration = "integration";
    public const string EndToEnd = "e2e";

    private const string DefaultLayerReason = "no layer in the name, so unit (the default)";

    /// <summary>Resource name by the prefix of a package that talks to it.</summary>
    public static ImmutableArray<(string PackagePrefix, string Resource)> ResourcePackages { get; } =
    [
        ("Npgsql", "postgres"),
        ("StackExchange.Redis", "redis"),
        ("RabbitMQ.Client", "rabbitmq"),
    ];

    /// <summary>Packages through which tests start containers themselves.</summary>
    private static readonly ImmutableArray<string> _containerPackages = ["Testcontainers", "Docker.DotNet"];

    private static readonly ImmutableArray<string> _layers = [Unit, Integration, EndToEnd];

    public static ImmutableArray<ProjectSuggestion> Suggest(IEnumerable<TestProject> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return [.. projects.Select(Suggest)];
    }

    public static ProjectSuggestion Suggest(TestProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var undecided = project.Notes.ToList();
        var (layer, layerReason) = LayerOf(project.Name);
        var traits = project.Traits;
        if (!traits.Layers.IsEmpty)
        {
            layerReason += $"; its tests declare Category traits ({string.Join(", ", traits.Layers)}), which win over this rule";
            var unknown = traits.Layers.Where(value => !_layers.Contains(value, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                undecided.Add($"{project.Name}: Category values {string.Join(", ", unknown)} name no layer (unit, integration, e2e); tests with only those get the rule's layer '{layer}'. Add them to \"layers\" or map them with rules.");
            }
        }
        else if (layerReason == DefaultLayerReason)
        {
            undecided.Add($"{project.Name}: neither its name nor a Category trait tells its layer; 'unit' assumed. Change the rule's layer if these are integration or end-to-end tests.");
        }
        if (traits.Unreadable > 0)
        {
            undecided.Add($"{project.Name}: {traits.Unreadable} trait attribute(s) with non-literal arguments (constants, nameof) that a text scan cannot read; after the build, 'orchestrator discover --tests' shows what they give.");
        }

        var matches = ResourcePackages
            .Select(pair => (pair.Resource, Reach: project.Reached.FirstOrDefault(reach => reach.Package.StartsWith(pair.PackagePrefix, StringComparison.OrdinalIgnoreCase))))
            .Where(match => match.Reach is not null)
            .Select(match => (match.Resource, Reach: match.Reach!))
            .ToList();
        var described = string.Join(", ", matches.Select(match => $"{match.Reach} for {match.Resource}"));
        var tagged = traits.Resources.Select(value => value.ToLowerInvariant()).Where(value => ResourceName().IsMatch(value)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var invalid in traits.Resources.Where(value => !ResourceName().IsMatch(value.ToLowerInvariant())))
        {
            undecided.Add($"{project.Name}: Resource trait value '{invalid}' is not a valid resource name (lower-case letters, digits, '.', '_', '-'); no resource was defined for it.");
        }

        ImmutableArray<string> resources;
        string resourceReason;
        if (tagged.Count > 0)
        {
            resources = [];
            resourceReason = $"its tests declare Resource traits ({string.Join(", ", tagged)}), so the rule gives no resources: a test without one needs none"
                + (matches.Count == 0 ? "" : $" (the client packages it reaches are not turned into a rule: {described})");
        }
        else if (matches.Count == 0)
        {
            resources = [];
            resourceReason = "no database/cache/broker client package reached. Check that no test of this project needs a container; give those a rule with \"resources\"";
        }
        else if (layer == Unit && matches.All(match => !match.Reach.IsDirect))
        {
            resources = [];
            resourceReason = $"a unit test project that reaches {described} only through project references, so no resource";
            undecided.Add($"{project.Name}: reaches {described} only through project references; as a unit test project it gets no resource. If some of its tests use them, add a rule with \"resources\" for their namespace or class.");
        }
        else
        {
            resources = [.. matches.Select(match => match.Resource)];
            resourceReason = "reaches " + described + ". Check that every test of this project really needs these resources; split by \"namespace\" or \"class\" rules where it does not";
            var indirect = matches.Where(match => !match.Reach.IsDirect || match.Reach.Conditional).ToList();
            if (indirect.Count > 0)
            {
                undecided.Add($"{project.Name}: {string.Join(", ", indirect.Select(match => match.Reach.ToString()))} not referenced by the test project itself (or only under a condition); its tests were given {string.Join(", ", indirect.Select(match => match.Resource))} — check that they use it.");
            }
        }
        return new ProjectSuggestion
        {
            Project = project,
            Layer = layer,
            Resources = resources,
            TraitResources = [.. tagged],
            Reason = $"{project.RelativePath}: {layerReason}; {resourceReason}.",
            Undecided = [.. undecided],
            ContainerPackage = project.Reached.FirstOrDefault(reach => _containerPackages.Any(prefix => reach.Package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))),
        };
    }

    public static (string Layer, string Reason) LayerOf(string projectName)
    {
        ArgumentNullException.ThrowIfNull(projectName);
        if (projectName.EndsWith("IntegrationTests", StringComparison.OrdinalIgnoreCase)
            || projectName.EndsWith("IntegrationTest", StringComparison.OrdinalIgnoreCase))
        {
            return (Integration, "name ends in IntegrationTests");
        }
        if (projectName.Contains("E2E", StringComparison.OrdinalIgnoreCase)
            || projectName.Contains("EndToEnd", StringComparison.OrdinalIgnoreCase))
        {
            return (EndToEnd, "name contains E2E/EndToEnd");
        }
        if (projectName.EndsWith("UnitTests", StringComparison.OrdinalIgnoreCase))
        {
            return (Unit, "name ends in UnitTests");
        }
        return (Unit, DefaultLayerReason);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();
}
