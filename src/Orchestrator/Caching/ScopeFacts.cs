using Orchestrator.Configuration;

namespace Orchestrator.Caching;

/// <summary>
/// What goes into a scope's cache key, gathered at the edge: digests of files, and the configuration that shapes the
/// tests' environment. Per-run values (ports, namespaces, secrets) are never among them: templates are, so that a pass
/// recorded on one run still holds on the next.
/// </summary>
/// <param name="OutputDigest">Everything the test host loads: the assembly's output directory.</param>
/// <param name="TestSettings">The team's settings every unit runs with (configured <c>.runsettings</c> content, loggers, collectors).</param>
/// <param name="TestEnvironment">The configured test environment, as templates.</param>
/// <param name="Resources">The scope's resources as configured.</param>
/// <param name="ImageIds">Each container resource's image id, by resource name.</param>
/// <param name="Runtime">The .NET runtime and SDK the tests run on.</param>
/// <param name="ToolVersion">The orchestrator's own version.</param>
/// <param name="DeclaredInputs">The digests of the files each configured <c>cache.inputs</c> pattern matches, by pattern.</param>
internal sealed record ScopeFacts(
    string OutputDigest,
    string TestSettings,
    IReadOnlyDictionary<string, string> TestEnvironment,
    IReadOnlyList<ResourceDefinition> Resources,
    IReadOnlyDictionary<string, string> ImageIds,
    string Runtime,
    string ToolVersion,
    IReadOnlyDictionary<string, string> DeclaredInputs)
{
    /// <summary>The named inputs of the scope's key; the names are what <c>plan --explain</c> shows.</summary>
    public IReadOnlyList<CacheInput> Inputs()
    {
        var inputs = new List<CacheInput>
        {
            new("assembly output", OutputDigest),
            new("test settings", CacheKey.DigestOf(TestSettings)),
            new("test environment", CacheKey.DigestOf(Lines(TestEnvironment))),
            new("runtime", CacheKey.DigestOf(Runtime)),
            new("orchestrator version", CacheKey.DigestOf(ToolVersion)),
        };
        inputs.AddRange(Resources.Select(resource => new CacheInput($"resource {resource.Name}", CacheKey.DigestOf(Describe(resource)))));
        inputs.AddRange(DeclaredInputs.Select(pair => new CacheInput($"input {pair.Key}", pair.Value)));
        return inputs;
    }

    /// <summary>Everything about a resource that can change what its tests see; its readiness and limits cannot.</summary>
    private string Describe(ResourceDefinition resource) => string.Join('\n',
        $"kind={resource.Kind}",
        $"image={resource.Image}",
        $"image id={ImageIds.GetValueOrDefault(resource.Name)}",
        $"build={resource.Build?.Context}|{resource.Build?.Dockerfile}", Lines(resource.Build?.Arguments ?? []),
        $"ports={string.Join(',', resource.Ports)}",
        $"command={string.Join('\u001f', resource.Command)}",
        $"isolation={resource.Isolation.Mode}|{string.Join('\u001f', resource.Isolation.Setup)}",
        "environment:", Lines(resource.Environment),
        "variables:", Lines(resource.Variables));

    private static string Lines(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('\n', pairs.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key.Length}:{pair.Key}={pair.Value}"));
}
