using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>How to build a resource's image locally when it is missing.</summary>
/// <param name="Context">Build context directory, relative to the configuration file.</param>
/// <param name="Dockerfile">Dockerfile path inside the context.</param>
/// <param name="Arguments">Build arguments.</param>
public sealed record ImageBuild(string Context, string Dockerfile = "Dockerfile", ImmutableDictionary<string, string>? Arguments = null)
{
    public ImmutableDictionary<string, string> Arguments { get; init; } = Arguments ?? ImmutableDictionary<string, string>.Empty;
}
