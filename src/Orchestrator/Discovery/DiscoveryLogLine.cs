namespace Orchestrator.Discovery;

/// <summary>One line of the orchestrator logger's JSON Lines output in discover mode.</summary>
internal sealed record DiscoveryLogLine(
    string? Kind,
    string? Id,
    string? FullyQualifiedName,
    string? DisplayName,
    string? Source,
    IReadOnlyList<DiscoveryLogTrait>? Traits,
    IReadOnlyList<string>? Categories,
    long? Total,
    bool? Aborted);

internal sealed record DiscoveryLogTrait(string? Name, string? Value);
