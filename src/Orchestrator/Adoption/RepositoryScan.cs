using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>The test projects of a repository, the projects that look like tests but say they are not, and what the scan could not decide.</summary>
internal sealed record RepositoryScan
{
    public ImmutableArray<TestProject> Projects { get; init; } = [];

    /// <summary>Projects left out, each with the reason (e.g. <c>IsTestProject</c> is false).</summary>
    public ImmutableArray<string> Skipped { get; init; } = [];
}
