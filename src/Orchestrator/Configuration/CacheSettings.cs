using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// The result cache (configuration <c>cache</c>): where passes are recorded, how much room they may take, and the files
/// outside the test assemblies' output that tests read, so a change to them runs the tests again.
/// </summary>
/// <param name="Inputs">Glob patterns relative to the configuration file (<c>tests/data/**</c>); each is an input of every key.</param>
/// <param name="Directory">The cache directory relative to the configuration file; null for <c>.orchestrator/cache/results</c>.</param>
/// <param name="MaxBytes">Past this size the least recently used entries are removed.</param>
public sealed record CacheSettings(ImmutableArray<string> Inputs, string? Directory, long MaxBytes)
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    public static CacheSettings Default { get; } = new([], null, DefaultMaxBytes);

    /// <summary>Whether a cadence reuses passes when it does not say: <c>commit</c> and <c>pr</c> do; <c>nightly</c> and the rest run everything.</summary>
    public static bool UsedByDefault(string cadence) => cadence is "commit" or "pr";
}
