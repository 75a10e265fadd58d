namespace Orchestrator.Reporting.Ci;

/// <summary>The log commands of a CI service.</summary>
public static class CiLogCommands
{
    public static ICiLogCommands For(CiService service) => service switch
    {
        CiService.GitHubActions => new GitHubWorkflowCommands(),
        CiService.AzurePipelines => new AzureLoggingCommands(),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown CI service."),
    };
}
