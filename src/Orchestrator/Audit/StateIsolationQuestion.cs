using Orchestrator.Configuration;
using Orchestrator.Configuration.Kinds;

namespace Orchestrator.Audit;

/// <summary>
/// Is state isolated: every container resource gives each unit running at the same time a server of its own, a
/// namespace of its own on a shared server, or runs one unit at a time. A shared server without a namespace lets
/// units see each other's data.
/// </summary>
internal static class StateIsolationQuestion
{
    public const string Id = "state-isolated";
    private const string Question = "Is the state of each test run isolated (a server or a namespace of its own)?";

    public static AuditItem Evaluate(AuditFacts facts)
    {
        var resources = facts.Configuration.Resources.Values.OrderBy(resource => resource.Name, StringComparer.Ordinal).ToList();
        var containers = resources.Where(resource => resource.IsContainer).ToList();
        var external = resources.Where(resource => !resource.IsContainer)
            .Select(resource => facts.At(Path(resource), $"'{resource.Name}' is provided by the environment (external): its isolation is the environment's, not judged here"));
        if (containers.Count == 0)
        {
            return new AuditItem(Id, Question, AuditAnswer.Unknown, "The configuration declares no container resource, so the audit cannot see how state is kept apart.",
                [.. external],
                "Declare the services the integration tests use (postgres, redis, rabbitmq, …) as container resources in " + facts.ConfigurationPath + ", so each unit gets a server or a namespace of its own.");
        }
        var judged = containers.Select(resource => (resource, how: Isolation(resource))).ToList();
        var evidence = judged.Select(pair => facts.At(IsolationPath(facts, pair.resource), $"'{pair.resource.Name}': {pair.how ?? "one shared server for every unit, without a namespace"}"));
        var shared = judged.Where(pair => pair.how is null).Select(pair => pair.resource.Name).ToList();
        return shared.Count == 0
            ? new AuditItem(Id, Question, AuditAnswer.Yes, $"Each of the {containers.Count} container resources keeps units apart.", [.. evidence, .. external], null)
            : new AuditItem(Id, Question, AuditAnswer.No,
                $"{string.Join(", ", shared.Select(name => $"'{name}'"))} shares one server among units running at the same time without a namespace.",
                [.. evidence, .. external],
                "Give each such resource \"isolation\": \"dedicated\" (a server per unit), an \"isolation\": { \"setup\": [ … ] } command that creates a namespace, or \"concurrency\": 1.");
    }

    /// <summary>How the resource keeps units apart, or null when it does not.</summary>
    private static string? Isolation(ResourceDefinition resource) => resource switch
    {
        { Isolation.Mode: IsolationMode.Dedicated } => "a server of its own for each unit (dedicated)",
        { Concurrency: 1 } => "one unit at a time (concurrency 1)",
        { Isolation.Setup.IsEmpty: false } => "a namespace per unit, created by its isolation setup",
        _ => KindDescriptors.For(resource.Kind)?.NamespaceDescription,
    };

    private static string Path(ResourceDefinition resource) => JsonPath.Property("$.resources", resource.Name);

    private static string IsolationPath(AuditFacts facts, ResourceDefinition resource)
    {
        var isolation = JsonPath.Property(Path(resource), "isolation");
        return facts.ConfigurationLines.LineOf(isolation) is null ? Path(resource) : isolation;
    }
}
