using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>
/// Suggests a layer per test project from its name (…IntegrationTests: integration; …E2E…/…EndToEnd…: e2e;
/// …Tests: unit) and resources from the client packages it references (Npgsql: postgres,
/// StackExchange.Redis: redis, RabbitMQ.Client: rabbitmq).
/// </summary>
public static class AdoptionSuggester
{
    public const string Unit = "unit";
    public const string Integration = "integration";
    public const string EndToEnd = "e2e";

    /// <summary>Resource name by the prefix of a package that talks to it.</summary>
    public static ImmutableArray<(string PackagePrefix, string Resource)> ResourcePackages { get; } =
    [
        ("Npgsql", "postgres"),
        ("StackExchange.Redis", "redis"),
        ("RabbitMQ.Client", "rabbitmq"),
    ];

    public static ImmutableArray<ProjectSuggestion> Suggest(IEnumerable<TestProject> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return [.. projects.Select(Suggest)];
    }

    public static ProjectSuggestion Suggest(TestProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var (layer, layerReason) = LayerOf(project.Name);
        var matches = ResourcePackages
            .Select(pair => (pair.Resource, Package: project.Packages.FirstOrDefault(package => package.StartsWith(pair.PackagePrefix, StringComparison.OrdinalIgnoreCase))))
            .Where(match => match.Package is not null)
            .ToList();
        var resourceReason = matches.Count == 0
            ? "no database/cache/broker client package referenced. Check that no test of this project needs a container; give those a rule with \"resources\""
            : "references " + string.Join(", ", matches.Select(match => $"{match.Package} ({match.Resource})"))
                + ". Check that every test of this project really needs these resources; split by \"namespace\" or \"class\" rules where it does not";
        return new ProjectSuggestion
        {
            Project = project,
            Layer = layer,
            Resources = [.. matches.Select(match => match.Resource)],
            Reason = $"{project.RelativePath}: {layerReason}; {resourceReason}.",
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
        return (Unit, "no layer in the name, so unit (the default)");
    }
}
