using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// Gives a layer and resources to tests that carry no traits, matched by patterns (<c>*</c> wildcard)
/// on the assembly/project, namespace, class and test name. Traits and project declarations win
/// unless <see cref="Override"/> is set.
/// </summary>
public sealed record TestRule
{
    public string? Assembly { get; init; }

    public string? Namespace { get; init; }

    public string? Class { get; init; }

    public string? Test { get; init; }

    public string? Layer { get; init; }

    public ImmutableArray<string> Resources { get; init; } = [];

    public bool Override { get; init; }

    /// <summary>
    /// Puts the matching tests in a partition of their own (<c>integration-postgres-reports</c>): planned, run and
    /// isolated apart from the other tests of their layer and resources, without a second copy of the resource.
    /// </summary>
    public string? Partition { get; init; }

    /// <summary>Free text explaining the rule (shown by <c>discover</c>).</summary>
    public string? Description { get; init; }
}
