namespace Orchestrator.Reporting.Ci;

/// <summary>A CI service whose log understands commands the run writes: annotations and collapsible groups.</summary>
public enum CiService
{
    GitHubActions,
    AzurePipelines,
}
