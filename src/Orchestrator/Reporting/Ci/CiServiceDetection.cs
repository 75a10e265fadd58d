namespace Orchestrator.Reporting.Ci;

/// <summary>
/// Tells which CI service runs the process from its environment variables, handed in by the caller. A plain
/// <c>CI=true</c> names no service: its log would print the commands as text.
/// </summary>
public static class CiServiceDetection
{
    public static CiService? From(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (string.Equals(variable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return CiService.GitHubActions;
        }
        if (string.Equals(variable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return CiService.AzurePipelines;
        }
        return null;
    }
}
