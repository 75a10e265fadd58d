using Orchestrator.Configuration.Kinds;

namespace Orchestrator.Adoption;

/// <summary>What a service's image runs, by the last part of its repository name (<c>postgres:16</c>, <c>bitnami/redis</c>).</summary>
internal static class ImageKinds
{
    public static string? ResourceOf(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return null;
        }
        var repository = Repository(image);
        var name = repository[(repository.LastIndexOf('/') + 1)..];
        return KindDescriptors.All.FirstOrDefault(kind => kind.ImageWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)))?.Name;
    }

    /// <summary>
    /// Why the image does not pin a version (no tag, <c>latest</c>, or a tag taken from an expression), or null
    /// when it names one; a digest pins it.
    /// </summary>
    public static string? Unpinned(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }
        if (image.Contains("${", StringComparison.Ordinal))
        {
            return "its tag comes from an expression";
        }
        var lastPart = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastPart.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return "it has no tag, so it means latest";
        }
        return lastPart[(colon + 1)..].Equals("latest", StringComparison.OrdinalIgnoreCase) ? "its tag is latest" : null;
    }

    /// <summary>The image without tag or digest.</summary>
    private static string Repository(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var slash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        return colon > slash ? withoutDigest[..colon] : withoutDigest;
    }
}
