using System.Text.RegularExpressions;

namespace Orchestrator.Audit;

/// <summary>An image reference taken apart: its tag (null when it has none) and whether a digest pins it.</summary>
internal sealed partial record ImageReference(string Image, string? Tag, bool HasDigest)
{
    public static ImageReference Parse(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var named = at < 0 ? image : image[..at];
        // The tag follows the last colon after the last slash: a colon before it is a registry's port.
        var colon = named.LastIndexOf(':');
        var tag = colon > named.LastIndexOf('/') ? named[(colon + 1)..] : null;
        return new ImageReference(image, tag, at >= 0);
    }

    /// <summary>The version the tag names: its leading dotted numbers (<c>16.4</c> of <c>16.4-alpine</c>); null when it names none.</summary>
    public string? Version => Tag is { } tag && LeadingVersion().Match(tag) is { Success: true } match ? match.Value : null;

    /// <summary>A version with at least a minor part: it does not move to a new minor release.</summary>
    public bool HasExactVersion => Version?.Contains('.', StringComparison.Ordinal) == true;

    [GeneratedRegex(@"^v?\d+(\.\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingVersion();
}
