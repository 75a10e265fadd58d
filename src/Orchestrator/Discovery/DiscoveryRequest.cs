using System.Collections.Immutable;
using Orchestrator.Configuration;

namespace Orchestrator.Discovery;

/// <summary>What to discover and with what.</summary>
public sealed record DiscoveryRequest
{
    /// <summary>Maps traits to layers and resources; supplies rules and the default layer.</summary>
    public required OrchestratorConfiguration Configuration { get; init; }

    /// <summary>Directory of the manifests the build wrote (e.g. <c>artifacts/orchestrator/manifests</c>).</summary>
    public string? ManifestDirectory { get; init; }

    /// <summary>Test assemblies to discover without a manifest (no project defaults for them).</summary>
    public ImmutableArray<string> Assemblies { get; init; } = [];

    /// <summary>Directory holding <c>Orchestrator.TestLogger.dll</c> (passed as <c>--test-adapter-path</c>).</summary>
    public required string LoggerDirectory { get; init; }

    /// <summary>Where discovery results are kept per assembly content hash.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>How many <c>dotnet test --list-tests</c> processes run at once.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The dotnet host to run.</summary>
    public string DotnetPath { get; init; } = "dotnet";
}
