using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>What a docker-compose service contributes to a resource; null members are absent from the service.</summary>
internal sealed record ComposeService
{
    public string? Image { get; init; }

    /// <summary>Build context relative to the compose file's directory.</summary>
    public ImageBuild? Build { get; init; }

    /// <summary>Container ports; host ports and addresses are dropped.</summary>
    public ImmutableArray<int>? Ports { get; init; }

    public ImmutableDictionary<string, string>? Environment { get; init; }

    public ImmutableArray<string>? Command { get; init; }

    /// <summary>The healthcheck test as a command to exec in the container.</summary>
    public ImmutableArray<string>? Healthcheck { get; init; }
}
