namespace Shop.Testing.Services;

/// <summary>
/// Where a fixture gets a real service from. The fixtures only ever ask this seam, so how services
/// come to exist (set by the orchestrator, or started per test class) is chosen here and nowhere else.
/// </summary>
public interface IServiceSource
{
    /// <summary>A connection string for the service; disposing the lease releases whatever was started for it.</summary>
    Task<ServiceLease> AcquireAsync(ServiceKind kind, CancellationToken ct);
}
