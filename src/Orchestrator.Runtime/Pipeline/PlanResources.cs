using Orchestrator.Configuration;
using Orchestrator.Planning;
using Orchestrator.Resources;

namespace Orchestrator.Pipeline;

/// <summary>The resources a plan needs, as <c>run</c> and <c>up</c> start them.</summary>
internal static class PlanResources
{
    public static List<ResourceDefinition> Needed(TestPlan plan, OrchestratorConfiguration configuration) =>
        [.. plan.Partitions
            .SelectMany(partition => partition.Resources)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => configuration.Resources[name])];

    /// <exception cref="UsageException">A variable the resources' templates read is not set; nothing was started.</exception>
    public static void ThrowOnUnsetVariables(IReadOnlyCollection<ResourceDefinition> needed, OrchestratorConfiguration configuration)
    {
        if (UnsetEnvironmentVariables.In(needed, Environment.GetEnvironmentVariable) is { Count: > 0 } unset)
        {
            throw new UsageException(
                $"Environment variables the resources need are not set, so no container was started:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", unset) + Environment.NewLine +
                $"Set them before the run, or change the templates in {configuration.SourcePath}.");
        }
    }
}
