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

    /// <summary>Called once a container runs, before readiness is probed (its ports are known).</summary>
    public Action<ContainerStarted>? ContainerStarted { get; init; }
}
