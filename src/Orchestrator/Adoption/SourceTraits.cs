using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>The layer and resource traits a test project's source code declares, as far as a text scan can tell.</summary>
public sealed record SourceTraits
{
    public static SourceTraits None { get; } = new();

    /// <summary>Values of <c>Category</c> traits, NUnit <c>[Category]</c> and MSTest <c>[TestCategory]</c>.</summary>
    public ImmutableSortedSet<string> Layers { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Values of <c>Resource</c> traits (xUnit <c>[Trait]</c>, NUnit <c>[Property]</c>, MSTest <c>[TestProperty]</c>).</summary>
    public ImmutableSortedSet<string> Resources { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Trait attributes whose arguments are not string literals (constants, nameof): the scan cannot read them.</summary>
    public int Unreadable { get; init; }

    /// <summary>Source files that declare at least one trait the scan could read.</summary>
    public int FilesWithTraits { get; init; }
}
