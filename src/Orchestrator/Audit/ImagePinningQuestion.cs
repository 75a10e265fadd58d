using Orchestrator.Configuration;

namespace Orchestrator.Audit;

/// <summary>
/// Are service images pinned: a digest or an exact version tag. <c>latest</c>, no tag, a major version alone or a
/// name tag (<c>alpine</c>) move under the suite; an image built from the repository's own context is pinned by it.
/// </summary>
internal static class ImagePinningQuestion
{
    public const string Id = "images-pinned";
    private const string Question = "Are service images pinned (a digest or an exact version, never latest)?";

    public static AuditItem Evaluate(AuditFacts facts)
    {
        var images = facts.ContainerImages
            .Select(resource => (resource, problem: Problem(resource), evidence: ImageEvidence(facts, resource)))
            .ToList();
        if (images.Count == 0)
        {
            return new AuditItem(Id, Question, AuditAnswer.Unknown, "The configuration names no container image.", [],
                "Declare the services the tests use as container resources with an \"image\" in " + facts.ConfigurationPath + ".");
        }
        var floating = images.Where(image => image.problem is not null).ToList();
        if (floating.Count == 0)
        {
            return new AuditItem(Id, Question, AuditAnswer.Yes, $"Each of the {images.Count} images is pinned.",
                [.. images.Select(image => image.evidence(Pinned(image.resource)))], null);
        }
        return new AuditItem(Id, Question, AuditAnswer.No,
            $"{string.Join(", ", floating.Select(image => $"'{image.resource.Image}'"))} {(floating.Count == 1 ? "is" : "are")} not pinned.",
            [.. floating.Select(image => image.evidence(image.problem!))],
            "Name an exact version (\"postgres:16.4\") or a digest (\"postgres@sha256:…\") in each resource's \"image\".");
    }

    /// <summary>Why the image moves under the suite, or null when it is pinned.</summary>
    internal static string? Problem(ResourceDefinition resource)
    {
        var reference = ImageReference.Parse(resource.Image!);
        return reference switch
        {
            { HasDigest: true } => null,
            _ when resource.Build is not null => null,
            { Tag: null } => $"'{resource.Image}' of '{resource.Name}' has no tag, so it means latest",
            { Tag: "latest" } => $"'{resource.Image}' of '{resource.Name}' is latest",
            { HasExactVersion: true } => null,
            { Version: not null } => $"'{resource.Image}' of '{resource.Name}' names a major version only, which moves with each release",
            _ => $"'{resource.Image}' of '{resource.Name}' names no version",
        };
    }

    private static string Pinned(ResourceDefinition resource) => resource.Build is { } build && !ImageReference.Parse(resource.Image!).HasDigest
        ? $"'{resource.Image}' of '{resource.Name}' is built from the repository's {build.Context}"
        : $"'{resource.Image}' of '{resource.Name}' is pinned";

    /// <summary>Evidence at the resource's "image" line, or its "compose" line when the image comes from a compose file.</summary>
    internal static Func<string, AuditEvidence> ImageEvidence(AuditFacts facts, ResourceDefinition resource)
    {
        var path = JsonPath.Property("$.resources", resource.Name);
        var image = JsonPath.Property(path, "image");
        var compose = JsonPath.Property(path, "compose");
        var at = facts.ConfigurationLines.LineOf(image) is not null ? image
            : facts.ConfigurationLines.LineOf(compose) is not null ? compose
            : path;
        return detail => facts.At(at, detail);
    }
}
