using System.Xml.Linq;

namespace Orchestrator.Execution.Settings;

/// <summary>
/// The environment variables the orchestrator gives every unit (each resource's <c>variables</c>, <c>testEnvironment</c>)
/// stay the orchestrator's. A team's <c>.runsettings</c> often sets a connection string under
/// <c>RunConfiguration/EnvironmentVariables</c> for local runs; the test host applies those over its process environment,
/// so it would point every partition at one database and undo the isolation. Such variables are left out of the merged
/// document, each file that sets one a conflict the orchestrator wins.
/// </summary>
internal static class ReservedVariables
{
    /// <summary>Removes the reserved variables from <paramref name="merged"/>; one conflict per team document and variable it set.</summary>
    public static IReadOnlyList<RunSettingsConflict> Remove(XDocument merged, IEnumerable<(string Source, XDocument Document)> teamDocuments, IReadOnlySet<string> reserved)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        return OwnedElements.Remove(merged, teamDocuments, "RunConfiguration/EnvironmentVariables", reserved.Contains);
    }
}
