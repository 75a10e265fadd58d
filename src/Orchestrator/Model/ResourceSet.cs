using System.Collections;
using System.Collections.Immutable;

namespace Orchestrator.Model;

/// <summary>
/// The set of resources a test or partition needs, normalised to lower case and sorted, so that
/// two sets with the same members are equal whatever the order or case they were written in.
/// </summary>
public sealed class ResourceSet : IEquatable<ResourceSet>, IReadOnlyCollection<string>
{
    public static ResourceSet None { get; } = new(ImmutableArray<string>.Empty);

    private readonly ImmutableArray<string> _names;

    private ResourceSet(ImmutableArray<string> names) => _names = names;

    public static ResourceSet Of(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var normalised = names
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Select(name => name.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        return normalised.IsEmpty ? None : new ResourceSet(normalised);
    }

    public static ResourceSet Of(params string[] names) => Of((IEnumerable<string>)names);

    public int Count => _names.Length;

    public bool IsEmpty => _names.IsEmpty;

    public bool Contains(string name) => _names.Contains(name.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    public ResourceSet Union(ResourceSet other) => Of(_names.Concat(other._names));

    public bool IsSubsetOf(IEnumerable<string> allowed)
    {
        var allowedSet = allowed.Select(name => name.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return _names.All(allowedSet.Contains);
    }

    public bool Equals(ResourceSet? other) => other is not null && _names.SequenceEqual(other._names, StringComparer.Ordinal);

    public override bool Equals(object? obj) => obj is ResourceSet other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var name in _names)
        {
            hash.Add(name, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    /// <summary><c>postgres+rabbitmq</c>, or <c>none</c> for the empty set.</summary>
    public override string ToString() => IsEmpty ? "none" : string.Join('+', _names);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_names).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
