using System.Globalization;
using Orchestrator.Model;
using Orchestrator.Results;

namespace Orchestrator.Planning;

/// <summary>
/// A run that selects no test has tested nothing, and must not look green: it fails with what was left out
/// and why. An empty shard of a plan that does select tests is fine (more shards than units) and says so.
/// </summary>
internal static class SelectionCheck
{
    /// <summary>The problem an empty selection is, or null when the plan selects at least one test.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="projectsNotDiscovered">How many test projects discovery failed on, each already reported with its cause.</param>
    public static RunProblem? Of(TestPlan plan, int projectsNotDiscovered = 0)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.SelectedTestCount > 0 || plan.Exclusions.Any(exclusion => exclusion.Reason == ExclusionReason.Cached))
        {
            return null;
        }
        var inOtherShards = plan.Exclusions.Count(exclusion => exclusion.Reason == ExclusionReason.OtherShard);
        if (plan.Shard is { } shard && inOtherShards > 0)
        {
            return new RunProblem(ProblemSeverity.Warning, $"shard {shard}",
                $"This shard holds none of the plan's units; the other shards run all {inOtherShards} selected test(s). Use fewer shards than units to give every agent work.");
        }
        var subject = $"cadence '{plan.Cadence}'";
        if (plan.Exclusions.Count == 0 && projectsNotDiscovered > 0)
        {
            return new RunProblem(ProblemSeverity.Error, subject,
                string.Create(CultureInfo.InvariantCulture, $"No test was discovered, so nothing ran: discovery failed on {projectsNotDiscovered} test project(s) for the cause given with each; fix that and run again."));
        }
        if (plan.Exclusions.Count == 0)
        {
            return new RunProblem(ProblemSeverity.Error, subject,
                "No test was discovered, so nothing ran. Build the test projects first ('orchestrator build', or 'run --build') and check that the manifests directory holds their manifests.");
        }
        var reasons = string.Join("; ", plan.Exclusions
            .GroupBy(exclusion => exclusion.Reason)
            .OrderByDescending(group => group.Count())
            .Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Count()} {Describe(group.Key)} (e.g. {group.First().Test}: {group.First().Detail})")));
        return new RunProblem(ProblemSeverity.Error, subject,
            $"The cadence selected none of the {plan.Exclusions.Count} discovered test(s), so nothing ran: {reasons}. Allow their layers and resources in the cadence, or run another cadence.");
    }

    private static string Describe(ExclusionReason reason) => reason switch
    {
        ExclusionReason.LayerNotInCadence => "in a layer the cadence does not run",
        ExclusionReason.ResourceNotAllowed => "need a resource the cadence does not allow",
        ExclusionReason.Quarantined => "quarantined",
        ExclusionReason.OtherShard => "in other shards",
        ExclusionReason.OutsideSelection => "outside the selection (--filter, --project)",
        ExclusionReason.Cached => "passed before with unchanged inputs (result cache)",
        _ => reason.ToString(),
    };
}
