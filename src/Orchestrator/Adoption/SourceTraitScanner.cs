using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Orchestrator.Adoption;

/// <summary>
/// Reads the C# files of a test project for trait attributes with literal arguments:
/// <c>Trait("Category", "Integration")</c>, <c>Trait("Resource", "postgres")</c>, NUnit
/// <c>Category("…")</c> / <c>Property("Resource", "…")</c>, MSTest <c>TestCategory("…")</c> /
/// <c>TestProperty("Resource", "…")</c>. A text scan, not a compilation: it tells init whether a suite is
/// already tagged, and <c>orchestrator discover</c> shows what the built tests really carry.
/// </summary>
internal static partial class SourceTraitScanner
{
    public static SourceTraits Scan(string projectDirectory, string layerTrait = "Category", string resourceTrait = "Resource")
    {
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        return Scan(ProjectSources.Read(projectDirectory), layerTrait, resourceTrait);
    }

    /// <param name="sources">The project's C# files with their text, as <see cref="ProjectSources.Read"/> gives them.</param>
    public static SourceTraits Scan(IEnumerable<(string Path, string Text)> sources, string layerTrait = "Category", string resourceTrait = "Resource")
    {
        ArgumentNullException.ThrowIfNull(sources);
        var layers = ImmutableSortedSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        var resources = ImmutableSortedSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        var unreadable = 0;
        var files = 0;
        foreach (var (_, text) in sources)
        {
            var found = false;
            foreach (Match pair in NameValueAttribute().Matches(text))
            {
                var name = pair.Groups["name"].Value;
                var value = pair.Groups["value"].Value.Trim();
                if (value.Length == 0)
                {
                    continue;
                }
                if (string.Equals(name, layerTrait, StringComparison.OrdinalIgnoreCase))
                {
                    layers.Add(value);
                    found = true;
                }
                else if (string.Equals(name, resourceTrait, StringComparison.OrdinalIgnoreCase))
                {
                    resources.Add(value);
                    found = true;
                }
            }
            foreach (Match category in CategoryAttribute().Matches(text))
            {
                if (category.Groups["value"].Value.Trim() is { Length: > 0 } value)
                {
                    layers.Add(value);
                    found = true;
                }
            }
            unreadable += NonLiteralAttribute().Count(text);
            files += found ? 1 : 0;
        }
        return new SourceTraits
        {
            Layers = layers.ToImmutable(),
            Resources = resources.ToImmutable(),
            Unreadable = unreadable,
            FilesWithTraits = files,
        };
    }

    [GeneratedRegex("""\b(?:Trait|Property|TestProperty)(?:Attribute)?\s*\(\s*"(?<name>[^"]*)"\s*,\s*"(?<value>[^"]*)"\s*\)""", RegexOptions.CultureInvariant)]
    private static partial Regex NameValueAttribute();

    [GeneratedRegex("""\[(?:[^\]]*[\s,(])?(?:Category|TestCategory)(?:Attribute)?\s*\(\s*"(?<value>[^"]*)"\s*\)""", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryAttribute();

    // Trait(Traits.Layer, …), Category(Layers.Unit), TestCategory(nameof(…)): arguments a text scan cannot read.
    [GeneratedRegex("""\[(?:[^\]"]*[\s,])?(?:Trait|Category|TestCategory)(?:Attribute)?\s*\(\s*[A-Za-z_@]""", RegexOptions.CultureInvariant)]
    private static partial Regex NonLiteralAttribute();
}
