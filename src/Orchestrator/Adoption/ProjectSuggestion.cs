using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>The layer and resources suggested for one test project, and why.</summary>
public sealed record ProjectSuggestion
{
    public required TestProject Project { get; init; }

    public required string Layer { get; init; }

    /// <summary>Resources the project's rule gives to its tests that declare none.</summary>
    public ImmutableArray<string> Resources { get; init; } = [];

    /// <summary>Resources its tests name in their own traits (lower case), which the configuration must define.</summary>
    public ImmutableArray<string> TraitResources { get; init; } = [];

    /// <summary>The client packages it reaches, one per resource (the closest), whether the rule gives those resources or not.</summary>
    public ImmutableArray<ResourceMatch> Clients { get; init; } = [];

    /// <summary>What the suggestion is based on and what to check, written into the rule's description.</summary>
    public required string Reason { get; init; }

    /// <summary>What init decided for this project and wrote into the configuration, with the evidence, for its output.</summary>
    public ImmutableArray<AdoptionDecision> Decided { get; init; } = [];

    /// <summary>What init could not decide for this project, for its output.</summary>
    public ImmutableArray<string> Undecided { get; init; } = [];

    /// <summary>A package through which its tests may start containers themselves (Testcontainers, Docker.DotNet); null when none is reached.</summary>
    public PackageReach? ContainerPackage { get; init; }
}
