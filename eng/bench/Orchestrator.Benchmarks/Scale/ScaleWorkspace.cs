namespace Orchestrator.Benchmarks.Scale;

/// <summary>A generated workspace on disk: its solution, configuration and the orchestrator's state and output.</summary>
internal sealed record ScaleWorkspace(string Root, GeneratedSuite Suite)
{
    public const string SolutionName = "Scale.slnx";

    public string Solution => Path.Combine(Root, SolutionName);

    public string Configuration => Path.Combine(Root, "orchestrator.json");

    public string ManifestDirectory => Path.Combine(Root, "artifacts", "orchestrator", "manifests");

    /// <summary>The orchestrator's discovery cache and recorded timings.</summary>
    public string StateDirectory => Path.Combine(Root, ".orchestrator");

    public string DiscoveryCache => Path.Combine(StateDirectory, "cache", "discovery");
}
