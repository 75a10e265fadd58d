using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Orchestrator.Adoption;

/// <summary>
/// Suggests a layer per test project from its name and folders (…IntegrationTests, ….Tests.Integration, an
/// Integration folder: integration; …E2E…/…EndToEnd…: e2e; …Tests: unit) and resources from the client packages
/// it reaches directly or through project references (<see cref="ClientPackages"/>: Npgsql or Marten: postgres,
/// StackExchange.Redis: redis, RabbitMQ.Client or MassTransit.RabbitMQ: rabbitmq, and servers init has no
/// container for, such as Microsoft.Data.SqlClient: sqlserver), unless its tests already name their resources
/// in traits. A project given resources is integration, never unit, so no cadence runs it without them; only a
/// project named …UnitTests (or ….Tests.Unit) that reaches a client through references alone, and whose code neither opens
/// a connection to it nor reads a connection setting (it may import the client to mock its interfaces), stays unit without one. Tests that start their own containers (Testcontainers
/// builders) get the external resource <c>docker</c> instead of the server they start. Whatever it cannot tell
/// is said in <see cref="ProjectSuggestion.Undecided"/>.
/// </summary>
internal static partial class AdoptionSuggester
{
    public const string Unit = "unit";
    public const string Integration = "integration";
    public const string EndToEnd = "e2e";

    /// <summary>The external resource given to tests that start their own containers.</summary>
    public const string DockerResource = "docker";

    private const string DefaultLayerReason = "no layer in the name, so unit (the default)";
    private const string ExplicitUnitReason = "name says unit (…UnitTests, ….Tests.Unit)";

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
        var (layer, layerReason) = LayerOf(project.Name, project.RelativePath);
        var namedUnit = layerReason == ExplicitUnitReason;
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
        if (traits.Unreadable > 0)
        {
            undecided.Add($"{project.Name}: {traits.Unreadable} trait attribute(s) with non-literal arguments (constants, nameof) that a text scan cannot read; after the build, 'orchestrator discover --tests' shows what they give.");
        }

        var matches = Clients(project.Reached);
        var described = Describe(matches);
        var tagged = traits.Resources.Select(value => value.ToLowerInvariant()).Where(value => ResourceName().IsMatch(value)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var invalid in traits.Resources.Where(value => !ResourceName().IsMatch(value.ToLowerInvariant())))
        {
            undecided.Add($"{project.Name}: Resource trait value '{invalid}' is not a valid resource name (lower-case letters, digits, '.', '_', '-'); no resource was defined for it.");
        }

        ImmutableArray<ResourceMatch> given;
        string resourceReason;
        if (tagged.Count > 0)
        {
            // Traits decide for the tests that carry them; a server init cannot start and the traits do not
            // name still goes to the rule, so the tests without a trait are not run where there is none.
            given = [.. matches.Where(match => !match.HasContainer && !tagged.Contains(match.Resource) && (layer != Unit || match.Reach.IsDirect))];
            var others = matches.Except(given).ToList();
            resourceReason = given.IsEmpty
                ? $"its tests declare Resource traits ({string.Join(", ", tagged)}), so the rule gives no resources: a test without one needs none"
                : $"its tests declare Resource traits ({string.Join(", ", tagged)}), which decide for the tests that carry them; it also reaches {Describe(given)}, which the traits do not name, so the rule gives {string.Join(", ", given.Select(match => match.Resource))} to its tests without a Resource trait";
            resourceReason += others.Count == 0 ? "" : $" (the client packages it reaches are not turned into a rule: {Describe(others)})";
        }
        else if (matches.IsEmpty)
        {
            given = [];
            resourceReason = "no database/cache/broker client package reached. Check that no test of this project needs a container; give those a rule with \"resources\"";
        }
        else if (namedUnit && matches.All(match => !match.Reach.IsDirect) && !OpensInCode(project, matches))
        {
            given = [];
            var ways = matches.Any(match => match.Reach.ThroughPackage) ? "project references or other packages" : "project references";
            var imported = matches.Where(match => project.Usage.Clients.ContainsKey(match.Resource)).Select(match => project.Usage.Clients[match.Resource]).ToList();
            var mocked = imported.Count == 0 ? "" : $"; its code imports the client ({string.Join(", ", imported)}) but opens no connection and reads no connection setting, as tests that mock its interfaces do";
            resourceReason = $"a unit test project that reaches {described} only through {ways}{mocked}, so no resource";
            undecided.Add($"{project.Name}: reaches {described} only through {ways}{mocked}; as a unit test project it gets no resource. If some of its tests use them, add a rule with \"resources\" for their namespace or class.");
        }
        else
        {
            given = matches;
            var seen = matches.Where(match => project.Usage.Clients.ContainsKey(match.Resource)).Select(match => project.Usage.Clients[match.Resource]).ToList();
            resourceReason = "reaches " + described + (seen.Count == 0 ? "" : $", and its code uses it ({string.Join(", ", seen)})") + ". Check that every test of this project really needs these resources; split by \"namespace\" or \"class\" rules where it does not";
            var indirect = matches.Where(match => (!match.Reach.IsDirect || match.Reach.Conditional) && !project.Usage.Clients.ContainsKey(match.Resource)).ToList();
            if (indirect.Count > 0)
            {
                undecided.Add($"{project.Name}: {string.Join(", ", indirect.Select(match => match.Reach.ToString()))} not referenced by the test project itself (or only under a condition); its tests were given {string.Join(", ", indirect.Select(match => match.Resource))} — check that they use it.");
            }
        }
        var started = tagged.Count == 0 ? project.Usage.Containers : [];
        if (!started.IsEmpty)
        {
            var replaced = given.Where(match => started.Any(start => start.Resource == match.Resource)).ToList();
            given = [.. given.Except(replaced)];
            resourceReason += $"; its tests start containers themselves ({string.Join(", ", started.Select(start => start.ToString()))}), so they need a Docker engine: the rule gives the external resource {DockerResource}" +
                (replaced.Count == 0 ? "" : $" instead of {string.Join(", ", replaced.Select(match => match.Resource))}, which they start on their own");
        }
        foreach (var port in tagged.Count == 0 ? project.Usage.FixedPorts : [])
        {
            undecided.Add($"{project.Name}: its tests bind a fixed {port}: two runs on one Docker engine at once collide there. Let the container take a random host port (WithPortBinding(containerPort, true)) and read it from the container.");
        }
        ImmutableArray<string> resources = [.. given.Select(match => match.Resource), .. started.IsEmpty ? [] : new[] { DockerResource }];
        if (layer == Unit && !resources.IsEmpty)
        {
            layer = Integration;
            layerReason += $"; but its tests need {string.Join(", ", resources)}, so integration (the unit layer runs without resources)";
        }
        else if (layerReason == DefaultLayerReason)
        {
            undecided.Add($"{project.Name}: neither its name nor a Category trait tells its layer; 'unit' assumed. Change the rule's layer if these are integration or end-to-end tests.");
        }
        var decided = project.Usage.ServerWide
            .Where(use => given.Any(match => match.Resource == use.Resource && match.HasContainer))
            .GroupBy(use => use.Resource, StringComparer.Ordinal)
            .Select(uses => new AdoptionDecision(
                $"{project.Name}: the {uses.Key} resource is written with \"isolation\": \"dedicated\" (a server for each unit running at once), because its tests reach beyond their own namespace of {uses.Key}, so units sharing one server would collide.",
                [.. uses.Select(use => use.ToString())]))
            .ToList();
        var external = given.Where(match => !match.HasContainer).ToList();
        if (external.Count > 0)
        {
            var names = string.Join(", ", external.Select(match => match.Resource));
            resourceReason += $"; init has no container definition for {names}: external in this configuration and allowed by no cadence, so every cadence leaves these tests out";
            undecided.Add(
                $"{project.Name}: reaches {Describe(external)}, for which init has no container definition; its rule needs {names}, written as an external resource without connection variables, which no written cadence allows, so every cadence leaves these tests out rather than run them without their server. " +
                "To run them, define a container for it (kind generic with image, ports, readiness and variables), or give the external resource the variables of the server the environment provides, and add it to the cadences' \"resources\".");
        }
        return new ProjectSuggestion
        {
            Project = project,
            Layer = layer,
            Resources = resources,
            TraitResources = [.. tagged],
            Clients = matches,
            Reason = $"{project.RelativePath}: {layerReason}; {resourceReason}.",
            Undecided = [.. undecided],
            Decided = [.. decided],
            ContainerPackage = Closest(project.Reached.Where(reach => _containerPackages.Any(prefix => reach.Package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))),
        };
    }

    /// <summary>Whether the project's own code opens a connection to one of <paramref name="matches"/>, or reads a variable that speaks of a connection.</summary>
    private static bool OpensInCode(TestProject project, ImmutableArray<ResourceMatch> matches) =>
        matches.Any(match => project.Usage.Connections.ContainsKey(match.Resource)) || project.Usage.Reads.Any(read => ConnectionTemplate.LooksLikeConnection(read.Variable));

    /// <summary>
    /// The resources <paramref name="reached"/> talks to, in <see cref="ClientPackages.Resources"/> order, each with
    /// its closest client package.
    /// </summary>
    public static ImmutableArray<ResourceMatch> Clients(IEnumerable<PackageReach> reached)
    {
        ArgumentNullException.ThrowIfNull(reached);
        var byResource = reached
            .Select(reach => (Client: ClientPackages.For(reach.Package), Reach: reach))
            .Where(found => found.Client is not null)
            .GroupBy(found => found.Client!.Resource, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => Closest(group.Select(found => found.Reach))!,
                StringComparer.Ordinal);
        return [.. ClientPackages.Resources.Where(byResource.ContainsKey).Select(resource => new ResourceMatch(resource, byResource[resource]))];
    }

    /// <summary>The fewest steps away (direct first), then unconditional before conditional, then by name; null when there is none.</summary>
    private static PackageReach? Closest(IEnumerable<PackageReach> reaches) =>
        reaches
            .OrderBy(reach => reach.Via.Length)
            .ThenBy(reach => reach.Conditional ? 1 : 0)
            .ThenBy(reach => reach.Package, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();

    private static string Describe(IEnumerable<ResourceMatch> matches) => string.Join(", ", matches.Select(match => match.ToString()));

    /// <param name="projectName">The assembly name.</param>
    /// <param name="relativePath">The project file relative to the repository root, whose folders may say the layer (<c>tests/Integration/…</c>).</param>
    public static (string Layer, string Reason) LayerOf(string projectName, string? relativePath = null)
    {
        ArgumentNullException.ThrowIfNull(projectName);
        if (projectName.EndsWith("IntegrationTests", StringComparison.OrdinalIgnoreCase)
            || projectName.EndsWith("IntegrationTest", StringComparison.OrdinalIgnoreCase))
        {
            return (Integration, "name ends in IntegrationTests");
        }
        if (projectName.Split('.').Any(part => part.Equals("Integration", StringComparison.OrdinalIgnoreCase)))
        {
            return (Integration, "name has an Integration part (….Tests.Integration)");
        }
        var folders = relativePath?.Split('/')[..^1] ?? [];
        if (folders.FirstOrDefault(folder => folder.Equals("Integration", StringComparison.OrdinalIgnoreCase) || folder.Equals("IntegrationTests", StringComparison.OrdinalIgnoreCase)) is { } folder)
        {
            return (Integration, $"it lies in a folder named {folder}");
        }
        if (projectName.Contains("E2E", StringComparison.OrdinalIgnoreCase)
            || projectName.Contains("EndToEnd", StringComparison.OrdinalIgnoreCase))
        {
            return (EndToEnd, "name contains E2E/EndToEnd");
        }
        if (projectName.EndsWith("UnitTests", StringComparison.OrdinalIgnoreCase)
            || projectName.EndsWith("UnitTest", StringComparison.OrdinalIgnoreCase)
            || projectName.Split('.').Any(part => part.Equals("Unit", StringComparison.OrdinalIgnoreCase)))
        {
            return (Unit, ExplicitUnitReason);
        }
        return (Unit, DefaultLayerReason);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();
}
