using Orchestrator.Results;

namespace Orchestrator.Reporting;

/// <summary>A test that failed because other units shared its containers.</summary>
/// <param name="Test">The test.</param>
/// <param name="Instances">The container instances it shared when it failed.</param>
/// <param name="Resources">The resources those instances are: where <c>"isolation": "dedicated"</c> would help.</param>
/// <param name="SharedWith">The units that used them at the same time.</param>
/// <param name="Evidence">Why the sharing is the cause (a pass alone, an error only another session causes).</param>
internal sealed record SharedContainerFailure(MergedTest Test, IReadOnlyList<string> Instances, IReadOnlyList<string> Resources, IReadOnlyList<string> SharedWith, string Evidence)
{
    /// <summary>What the reports say about it, with the fix.</summary>
    public string Explanation =>
        $"failed only while {string.Join(", ", SharedWith)} used the same container ({string.Join(", ", Instances)}) at the same time, and {Evidence}: an isolation problem, not a flaky test. " +
        "Each unit has its own namespace, so something outside it is shared (a database created with a fixed name, a server-wide setting, a lock): " +
        $"if the tests cannot avoid that, give {string.Join(" and ", Resources.Select(resource => $"resources.{resource}"))} \"isolation\": \"dedicated\" (a container per unit).";
}
