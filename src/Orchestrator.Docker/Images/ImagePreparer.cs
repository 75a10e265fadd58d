using System.Collections.Concurrent;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Configuration;
using Orchestrator.Resources;
using Orchestrator.Security;

namespace Orchestrator.Docker.Images;

/// <summary>
/// Makes sure a resource's image is on the engine: present, else built from its local context,
/// else pulled when the name points at a registry; otherwise fails naming the image and the fixes.
/// Each image is ensured once per run, however many resources and threads ask.
/// </summary>
internal sealed class ImagePreparer(IDockerClient client, string endpoint, string baseDirectory, SecretRedactor redactor, Action<string>? log)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _ensured = new(StringComparer.Ordinal);

    public async Task EnsureAsync(ResourceDefinition definition, CancellationToken ct)
    {
        var image = string.IsNullOrWhiteSpace(definition.Image)
            ? throw new ResourceException(definition.Name, $"Resource '{definition.Name}' has no image. Set its 'image', or make it kind 'external' when the environment provides it.")
            : definition.Image;
        while (true)
        {
            var ensure = _ensured.GetOrAdd(image, _ => new Lazy<Task>(() => EnsureCoreAsync(definition, image, ct)));
            try
            {
                await ensure.Value.WaitAsync(ct);
                return;
            }
            catch (Exception exception)
            {
                // A failed or cancelled attempt must not stick: the next caller tries again.
                _ensured.TryRemove(new KeyValuePair<string, Lazy<Task>>(image, ensure));
                if (exception is not OperationCanceledException || ct.IsCancellationRequested)
                {
                    throw;
                }
                // Cancelled by the caller that began it, not by this one: begin again for this one.
            }
        }
    }

    /// <summary>True when the name's first part is a registry host (<c>registry.example:5000/team/app</c>, <c>localhost/app</c>).</summary>
    public static bool NamesRegistry(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }
        var first = image[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
    }

    private async Task EnsureCoreAsync(ResourceDefinition definition, string image, CancellationToken ct)
    {
        if (await ExistsAsync(image, ct))
        {
            return;
        }
        if (definition.Build is { } build)
        {
            await BuildAsync(definition, image, build, ct);
            return;
        }
        if (NamesRegistry(image))
        {
            await PullAsync(definition, image, ct);
            return;
        }
        throw new ResourceException(definition.Name,
            $"Image '{image}' for resource '{definition.Name}' is not on the Docker engine at {endpoint}, and there is no build context to make it. " +
            $"Build it (the local service images: eng/images/build-images.sh), add a build context to the resource (\"build\": {{ \"context\": \"path/to/dir\" }}), " +
            "or point 'image' at an image that exists (see 'docker images').");
    }

    private async Task<bool> ExistsAsync(string image, CancellationToken ct)
    {
        try
        {
            await client.Images.InspectImageAsync(image, ct);
            return true;
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task BuildAsync(ResourceDefinition definition, string image, ImageBuild build, CancellationToken ct)
    {
        var context = Path.GetFullPath(Path.Combine(baseDirectory, build.Context));
        if (!File.Exists(Path.Combine(context, build.Dockerfile)))
        {
            throw new ResourceException(definition.Name,
                $"Image '{image}' for resource '{definition.Name}' is missing and its build context has no {build.Dockerfile} (looked in {context}). Fix 'build.context' / 'build.dockerfile', or build the image yourself.");
        }
        log?.Invoke($"Building image '{image}' from {context}");
        using var archive = new MemoryStream();
        await BuildContextArchive.WriteAsync(context, build.Dockerfile, archive, ct);
        archive.Position = 0;
        var output = new BuildOutput(log);
        var parameters = new ImageBuildParameters
        {
            Tags = [image],
            Dockerfile = build.Dockerfile.Replace('\\', '/'),
            BuildArgs = build.Arguments.ToDictionary(),
            Remove = true,
            ForceRemove = true,
        };
        try
        {
            await client.Images.BuildImageFromDockerfileAsync(parameters, archive, authConfigs: null, headers: null, output, ct);
        }
        catch (DockerApiException exception)
        {
            throw new ResourceException(definition.Name, redactor.Redact(
                $"Building image '{image}' for resource '{definition.Name}' from {context} failed: {exception.Message}"), exception);
        }
        if (output.Error is not null || !await ExistsAsync(image, ct))
        {
            throw new ResourceException(definition.Name, redactor.Redact(
                $"Building image '{image}' for resource '{definition.Name}' from {context} failed: {output.Error ?? "the engine reported no error, yet the image is missing"}. " +
                $"Fix the Dockerfile (try 'docker build {context}'). Last build output:{Environment.NewLine}{output.Tail}"));
        }
        log?.Invoke($"Built image '{image}'");
    }

    private async Task PullAsync(ResourceDefinition definition, string image, CancellationToken ct)
    {
        var output = new BuildOutput(log);
        var tagAt = image.LastIndexOf(':');
        var hasTag = tagAt > image.LastIndexOf('/');
        try
        {
            log?.Invoke($"Pulling image '{image}'");
            await client.Images.CreateImageAsync(new ImagesCreateParameters
            {
                FromImage = hasTag ? image[..tagAt] : image,
                Tag = hasTag ? image[(tagAt + 1)..] : "latest",
            }, authConfig: null, output, ct);
        }
        catch (DockerApiException exception)
        {
            throw PullFailed(definition, image, exception.Message, exception);
        }
        if (output.Error is not null || !await ExistsAsync(image, ct))
        {
            throw PullFailed(definition, image, output.Error ?? "the image is still missing afterwards", null);
        }
    }

    private ResourceException PullFailed(ResourceDefinition definition, string image, string why, Exception? inner) =>
        new(definition.Name, redactor.Redact(
            $"Image '{image}' for resource '{definition.Name}' is not on the engine at {endpoint} and pulling it failed: {why}. " +
            "Check that the registry is reachable and you are logged in, add a build context to the resource, or point 'image' at a local image."), inner);
}
