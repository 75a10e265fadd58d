using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>The layer and resources suggested for one test project, and why.</summary>
public sealed record ProjectSuggestion
{
    public required TestProject Project { get; init; }

    public required string Layer { get; init; }

    public ImmutableArray<string> Resources { get; init; } = [];

    /// <summary>What the suggestion is based on and what to check, written into the rule's description.</summary>
    public required string Reason { get; init; }
}
