using Orchestrator.Configuration;

namespace Orchestrator.Resources;

/// <summary>
/// Provides the resources a plan needs (containers on a Docker engine, or resources the environment
/// provides). The run pipeline decides when: it starts an instance just before the first unit that
/// needs it and stops it right after the last. Disposing removes whatever is still alive.
/// </summary>
public interface IResourceProvider : IAsyncDisposable
{
    /// <summary>
    /// Checks, before any test runs, that every needed resource can be provided: the engine answers,
    /// each image is present or buildable (and builds it), earlier runs' orphans are swept.
    /// Throws <see cref="ResourceException"/> naming the culprit and the fix. The caller prepares once,
    /// before the run starts, so that a resource that cannot be provided stops the run before any test.
    /// </summary>
    Task PrepareAsync(IReadOnlyCollection<ResourceDefinition> needed, CancellationToken ct);

    /// <summary>Starts one instance of a resource and returns once it is ready (protocol-level probe).</summary>
    /// <param name="definition">What to start.</param>
    /// <param name="instanceName">Unique within the run, e.g. <c>postgres</c> or <c>postgres-integration-postgres+redis</c> for a dedicated one.</param>
    /// <param name="ct">Cancels the start; a half-started container is removed.</param>
    Task<ResourceInstance> StartAsync(ResourceDefinition definition, string instanceName, CancellationToken ct);

    /// <summary>
    /// Creates a namespace of its own in an instance (database, Redis db index, vhost) for one unit
    /// attempt and returns the environment variables that unit's test process receives.
    /// </summary>
    /// <param name="instance">The instance to create it in.</param>
    /// <param name="namespaceId">Unique within the run: the plan unit, with repetition and attempt for later ones (<c>integration-postgres#2-r0-a1</c>).</param>
    /// <param name="ct">Cancels the creation.</param>
    Task<PartitionResource> CreateNamespaceAsync(ResourceInstance instance, string namespaceId, CancellationToken ct);

    /// <summary>
    /// The unit attempt that used the namespace has ended: empties it and gives it back when its kind has a limited
    /// number of namespaces (Redis databases), so a later unit gets it clean. Never called while a unit uses it.
    /// </summary>
    /// <param name="resourceNamespace">What <see cref="CreateNamespaceAsync"/> returned.</param>
    /// <param name="ct">Cancels the release; the namespace is then not handed out again.</param>
    /// <exception cref="ResourceException">It could not be emptied; it is not handed out again.</exception>
    Task ReleaseNamespaceAsync(PartitionResource resourceNamespace, CancellationToken ct);

    /// <summary>Stops and removes an instance. Safe to call twice.</summary>
    /// <returns>
    /// How the instance ended when it did not live until it was stopped (<c>exited with code 137 at 12:03:04 UTC</c>:
    /// killed, crashed, out of memory), so that the report says why its tests failed; null when it was still running.
    /// </returns>
    /// <exception cref="ResourceException">It could not be removed (the engine stopped answering).</exception>
    Task<string?> StopAsync(ResourceInstance instance, CancellationToken ct);
}
