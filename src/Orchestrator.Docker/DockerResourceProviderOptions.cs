using Orchestrator.Configuration;
using Orchestrator.Docker.Engine;
using Orchestrator.Results;
using Orchestrator.Security;

namespace Orchestrator.Docker;

/// <summary>How a <see cref="DockerResourceProvider"/> connects, labels and cleans up.</summary>
public sealed record DockerResourceProviderOptions
{
    /// <summary>Receives every per-run secret; every message the provider produces goes through it.</summary>
    public required SecretRedactor Redactor { get; init; }

    /// <summary>Identifies this run's containers (label <c>orchestrator.run-id</c>).</summary>
    public string RunId { get; init; } = RunIds.New(DateTimeOffset.UtcNow);

    /// <summary>The engine; null resolves it from DOCKER_HOST / DOCKER_TLS_VERIFY / DOCKER_CERT_PATH.</summary>
    public DockerEndpoint? Endpoint { get; init; }

    /// <summary>Default readiness deadline (a probe's own deadline wins).</summary>
    public TimeoutSettings Timeouts { get; init; } = TimeoutSettings.Default;

    /// <summary>Directory image build contexts are relative to (the configuration file's directory).</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Whether <see cref="DockerResourceProvider.PrepareAsync"/> sweeps earlier runs' orphans.</summary>
    public bool SweepOrphansOnPrepare { get; init; } = true;

    /// <summary>
    /// A container made by a run on another host is only an orphan after this age: its owner's
    /// process cannot be checked from here, and no run lasts this long.
    /// </summary>
    public TimeSpan ForeignHostOrphanAge { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Deadline of a removal in cleanup paths (they run with no cancellation).</summary>
    public TimeSpan RemovalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Progress messages (already redacted): image builds, sweeps.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// The state file of the <c>up</c> these containers are for: every container gets it as label
    /// <c>orchestrator.kept-by</c>, so no sweep or <c>clean</c> removes it while the file exists. Null for a run's own.
    /// </summary>
    public string? KeptBy { get; init; }

    /// <summary>Containers <c>up</c> keeps, by instance name: a start of that instance uses the container instead (<c>run --reuse</c>).</summary>
    public IReadOnlyDictionary<string, KeptContainer> Kept { get; init; } = new Dictionary<string, KeptContainer>();

    /// <summary>
    /// Where kept instances count their numbered namespaces (a file per instance), shared by <c>up</c> and every
    /// <c>run --reuse</c>; null counts in memory.
    /// </summary>
    public string? NamespaceCounterDirectory { get; init; }

    /// <summary>Called once a container runs, before readiness is probed (its ports are known).</summary>
    public Action<ContainerStarted>? ContainerStarted { get; init; }
}
