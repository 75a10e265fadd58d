using System.Collections.Immutable;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Configuration;
using Orchestrator.Docker.Tests.Support;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Docker.Tests.Resources;

[Trait("Category", "Integration")]
[Trait("Resource", "docker")]
public sealed class ImagePreparationTests
{
    [Fact]
    public async Task A_missing_image_without_build_context_fails_in_prepare_naming_the_image_and_the_fixes()
    {
        using var deadline = TestResources.Deadline();
        var ct = deadline.Token;
        await using var provider = TestResources.Provider(out _);
        var image = $"orchestrator/missing-{Guid.NewGuid():N}:local";
        var missing = TestResources.Shell("missing", "true") with { Image = image };

        var exception = await Assert.ThrowsAsync<ResourceException>(() => provider.PrepareAsync([missing], ct));

        Assert.Contains($"'{image}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("build context", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Build it", exception.Message, StringComparison.Ordinal);
        Assert.Equal("missing", exception.Resource);
    }

    [Fact]
    public async Task A_missing_image_with_a_build_context_is_built_with_its_build_arguments()
    {
        using var client = TestResources.Client();
        using var deadline = TestResources.Deadline(180);
        var ct = deadline.Token;
        var context = Directory.CreateTempSubdirectory("orchestrator-build-").FullName;
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN true\n", ct);
        var image = $"orchestrator/test-build-{Guid.NewGuid():N}:local";
        var built = TestResources.Shell("built", "true") with
        {
            Image = image,
            Build = new ImageBuild(context, Arguments: ImmutableDictionary<string, string>.Empty.Add("BASE_IMAGE", TestResources.BaseImage)),
        };
        await using var provider = TestResources.Provider(out _, options => options with { BaseDirectory = Path.GetTempPath() });
        try
        {
            await provider.PrepareAsync([built], ct);

            var inspected = await client.Images.InspectImageAsync(image, ct);
            Assert.Contains(image, inspected.RepoTags);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
            try
            {
                await client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true }, CancellationToken.None);
            }
            catch (DockerImageNotFoundException)
            {
                // Not built: nothing to remove.
            }
        }
    }

    [Fact]
    public async Task A_broken_build_context_fails_with_the_build_error()
    {
        using var deadline = TestResources.Deadline(120);
        var ct = deadline.Token;
        var context = Directory.CreateTempSubdirectory("orchestrator-build-").FullName;
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM {TestResources.BaseImage}\nRUN echo the build step broke && exit 7\n", ct);
        var image = $"orchestrator/test-broken-{Guid.NewGuid():N}:local";
        var broken = TestResources.Shell("broken", "true") with { Image = image, Build = new ImageBuild(context) };
        await using var provider = TestResources.Provider(out _);
        try
        {
            var exception = await Assert.ThrowsAsync<ResourceException>(() => provider.PrepareAsync([broken], ct));

            Assert.Contains($"Building image '{image}'", exception.Message, StringComparison.Ordinal);
            Assert.Contains("7", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
