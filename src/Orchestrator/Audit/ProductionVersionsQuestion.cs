using Orchestrator.Configuration;

namespace Orchestrator.Audit;

/// <summary>
/// Do the real dependencies match production: each container resource's image tag against the version the team
/// declares for it (<c>"production": "16.4"</c>). A tag matches when it names that version or a patch of it.
/// </summary>
internal static class ProductionVersionsQuestion
{
    public const string Id = "production-versions";
    private const string Question = "Do the services the tests run against match the versions production runs?";

    public static AuditItem Evaluate(AuditFacts facts)
    {
        var containers = facts.ContainerImages;
        var declared = containers.Where(resource => resource.Production is not null).ToList();
        var undeclared = containers.Where(resource => resource.Production is null).ToList();
        var addProduction = $"Declare the version production runs on each container resource in {facts.ConfigurationPath}, e.g. \"production\": \"16.4\", and name that version in its \"image\".";
        if (declared.Count == 0)
        {
            return new AuditItem(Id, Question, AuditAnswer.Unknown,
                containers.Count == 0 ? "The configuration names no container image." : "No resource declares the version production runs.",
                [.. undeclared.Select(resource => Undeclared(facts, resource))],
                addProduction);
        }
        var judged = declared.Select(resource => (resource, mismatch: Mismatch(resource))).ToList();
        var evidence = judged.Select(pair => facts.At(ProductionPath(pair.resource),
            pair.mismatch ?? $"'{pair.resource.Name}' runs '{pair.resource.Image}', production {pair.resource.Production}"))
            .Concat(undeclared.Select(resource => Undeclared(facts, resource)))
            .ToList();
        var mismatched = judged.Where(pair => pair.mismatch is not null).ToList();
        if (mismatched.Count > 0)
        {
            return new AuditItem(Id, Question, AuditAnswer.No,
                $"{string.Join(", ", mismatched.Select(pair => $"'{pair.resource.Name}'"))} {(mismatched.Count == 1 ? "runs" : "run")} another version than production.",
                [.. evidence],
                "Name production's version in the image's tag (\"postgres:16.4\"), or correct \"production\" when production has moved.");
        }
        return undeclared.Count > 0
            ? new AuditItem(Id, Question, AuditAnswer.Unknown,
                $"The declared versions match; {string.Join(", ", undeclared.Select(resource => $"'{resource.Name}'"))} {(undeclared.Count == 1 ? "declares" : "declare")} none.",
                [.. evidence], addProduction)
            : new AuditItem(Id, Question, AuditAnswer.Yes, $"Each of the {declared.Count} container resources runs production's version.", [.. evidence], null);
    }

    private static AuditEvidence Undeclared(AuditFacts facts, ResourceDefinition resource) =>
        ImagePinningQuestion.ImageEvidence(facts, resource)($"'{resource.Name}' runs '{resource.Image}'; production's version is not declared");

    /// <summary>Why the image is not production's version, or null when it is.</summary>
    private static string? Mismatch(ResourceDefinition resource)
    {
        var version = ImageReference.Parse(resource.Image!).Version?.TrimStart('v');
        var production = resource.Production!.Trim().TrimStart('v');
        if (version is null)
        {
            return $"'{resource.Image}' of '{resource.Name}' names no version to compare with production's {production}";
        }
        return version == production || version.StartsWith(production + ".", StringComparison.Ordinal)
            ? null
            : $"'{resource.Image}' of '{resource.Name}' is {version}, production runs {production}";
    }

    private static string ProductionPath(ResourceDefinition resource) => JsonPath.Property(JsonPath.Property("$.resources", resource.Name), "production");
}
