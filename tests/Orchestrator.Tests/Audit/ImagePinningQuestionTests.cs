using Orchestrator.Audit;
using Xunit;

namespace Orchestrator.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class ImagePinningQuestionTests
{
    [Theory]
    [InlineData("postgres:16.4", "16.4", false)]
    [InlineData("postgres:16.4-alpine", "16.4", false)]
    [InlineData("registry.local:5000/team/redis:7.2.5", "7.2.5", false)]
    [InlineData("registry.local:5000/team/redis", null, false)]
    [InlineData("postgres@sha256:0123abcd", null, true)]
    [InlineData("postgres:16@sha256:0123abcd", "16", true)]
    public void An_image_reference_gives_its_version_and_digest_not_a_registry_port(string image, string? version, bool digest)
    {
        var reference = ImageReference.Parse(image);

        Assert.Equal((version, digest), (reference.Version, reference.HasDigest));
    }

    [Fact]
    public void Latest_a_missing_tag_a_major_version_and_a_name_tag_are_each_no_at_the_image_line()
    {
        const string json = """
            {
              "resources": {
                "a": { "kind": "generic", "image": "mail:latest" },
                "b": { "kind": "generic", "image": "search" },
                "c": { "kind": "postgres", "image": "postgres:16" },
                "d": { "kind": "redis", "image": "redis:alpine" },
                "e": { "kind": "rabbitmq", "image": "rabbitmq:3.13.7-management" }
              }
            }
            """;

        var item = ImagePinningQuestion.Evaluate(AuditSample.Facts(json));

        Assert.Equal(AuditAnswer.No, item.Answer);
        Assert.Equal(
            [
                ("'mail:latest' of 'a' is latest", AuditSample.LineOf(json, "mail:latest")),
                ("'search' of 'b' has no tag, so it means latest", AuditSample.LineOf(json, "\"search\"")),
                ("'postgres:16' of 'c' names a major version only, which moves with each release", AuditSample.LineOf(json, "postgres:16")),
                ("'redis:alpine' of 'd' names no version", AuditSample.LineOf(json, "redis:alpine")),
            ],
            item.Evidence.Select(evidence => (evidence.Detail, evidence.Line!.Value)));
        Assert.All(item.Evidence, evidence => Assert.Equal(AuditSample.ConfigurationFile, evidence.File));
    }

    [Fact]
    public void Exact_versions_digests_and_images_built_from_the_repository_are_yes()
    {
        const string json = """
            {
              "resources": {
                "db": { "kind": "postgres", "image": "postgres:16.4" },
                "cache": { "kind": "redis", "image": "redis@sha256:0123abcd" },
                "local": { "kind": "generic", "image": "team/tool:local", "build": { "context": "eng/tool" } }
              }
            }
            """;

        var item = ImagePinningQuestion.Evaluate(AuditSample.Facts(json));

        Assert.Equal(AuditAnswer.Yes, item.Answer);
        Assert.Contains(item.Evidence, evidence => evidence.Detail == "'team/tool:local' of 'local' is built from the repository's eng/tool");
    }

    [Fact]
    public void Without_a_container_image_the_answer_is_unknown()
    {
        Assert.Equal(AuditAnswer.Unknown, ImagePinningQuestion.Evaluate(AuditSample.Facts()).Answer);
    }
}
