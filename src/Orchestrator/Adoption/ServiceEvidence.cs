using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>
/// A service the team already runs beside its tests: a CI workflow's <c>services:</c> entry or a compose
/// file's service, with its image, container ports and environment, and the place it was found.
/// </summary>
internal sealed record ServiceEvidence
{
    public required string Name { get; init; }

    public string? Image { get; init; }

    /// <summary>Container ports, in the order given.</summary>
    public ImmutableArray<int> Ports { get; init; } = [];

    /// <summary>Host ports the service is published on (<c>5432:5432</c>), which the team's connection strings use.</summary>
    public ImmutableArray<int> HostPorts { get; init; } = [];

    public ImmutableArray<FoundValue> Environment { get; init; } = [];

    public required string File { get; init; }

    public int Line { get; init; }

    public string Origin => $"service '{Name}' of {File} line {Line}";

    /// <summary>The resource kind its image runs (postgres, redis, rabbitmq), or null when init does not know the image.</summary>
    public string? Resource => ImageKinds.ResourceOf(Image);
}
