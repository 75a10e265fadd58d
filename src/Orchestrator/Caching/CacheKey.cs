using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Caching;

/// <summary>
/// The key under which a unit of work's passing tests are recorded: a SHA-256 over its named inputs in ordinal order of
/// their names, so the order they were gathered in does not matter. The inputs are kept beside the value, so that a key
/// that no longer matches can say which of them changed.
/// </summary>
internal sealed record CacheKey
{
    /// <summary>Bumped whenever what goes into a key changes meaning, so that no older entry can match.</summary>
    public const int FormatVersion = 1;

    private CacheKey(string value, IReadOnlyList<CacheInput> inputs)
    {
        Value = value;
        Inputs = inputs;
    }

    /// <summary>Hex SHA-256 of the inputs.</summary>
    public string Value { get; }

    /// <summary>The inputs in ordinal order of their names.</summary>
    public IReadOnlyList<CacheInput> Inputs { get; }

    public static CacheKey Of(IEnumerable<CacheInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var ordered = inputs.OrderBy(input => input.Name, StringComparer.Ordinal).ToList();
        var duplicate = ordered.Zip(ordered.Skip(1)).FirstOrDefault(pair => pair.First.Name == pair.Second.Name);
        if (duplicate.First is not null)
        {
            throw new ArgumentException($"The cache input '{duplicate.First.Name}' is given twice; every input of a key needs its own name.", nameof(inputs));
        }
        var text = new StringBuilder().Append("format=").Append(FormatVersion).Append('\n');
        foreach (var input in ordered)
        {
            // Lengths keep "a" + "bc" apart from "ab" + "c".
            text.Append(input.Name.Length).Append(':').Append(input.Name).Append('=').Append(input.Digest).Append('\n');
        }
        return new CacheKey(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), ordered);
    }

    /// <summary>The inputs that differ from <paramref name="previous"/>'s, in ordinal order of their names; empty when the keys match.</summary>
    public IReadOnlyList<CacheInputChange> ChangesSince(CacheKey previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var before = previous.Inputs.ToDictionary(input => input.Name, input => input.Digest, StringComparer.Ordinal);
        var now = Inputs.ToDictionary(input => input.Name, input => input.Digest, StringComparer.Ordinal);
        var changes = new List<CacheInputChange>();
        foreach (var name in before.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var kind = (before.TryGetValue(name, out var old), now.TryGetValue(name, out var current)) switch
            {
                (false, _) => CacheInputChangeKind.Added,
                (_, false) => CacheInputChangeKind.Removed,
                _ when old != current => CacheInputChangeKind.Changed,
                _ => (CacheInputChangeKind?)null,
            };
            if (kind is { } changed)
            {
                changes.Add(new CacheInputChange(name, changed));
            }
        }
        return changes;
    }

    /// <summary>Keys are equal when their values are: the value is a digest of the inputs.</summary>
    public bool Equals(CacheKey? other) => other is not null && Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>Hex SHA-256 of a text input (settings, templates), for a <see cref="CacheInput"/>.</summary>
    public static string DigestOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
