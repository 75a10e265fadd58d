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
    private const string Parent = "RunConfiguration/EnvironmentVariables";

    /// <summary>Removes the reserved variables from <paramref name="merged"/>; one conflict per team document and variable it set.</summary>
    public static IReadOnlyList<RunSettingsConflict> Remove(XDocument merged, IEnumerable<(string Source, XDocument Document)> teamDocuments, IReadOnlySet<string> reserved)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(teamDocuments);
        ArgumentNullException.ThrowIfNull(reserved);
        var conflicts = teamDocuments
            .SelectMany(document => Set(document.Document)
                .Where(variable => reserved.Contains(variable.Name.LocalName))
                .Select(variable => new RunSettingsConflict($"{Parent}/{variable.Name.LocalName}", document.Source, DotnetTestCommand.OrchestratorSettings)))
            .ToList();
        foreach (var variable in Set(merged).Where(variable => reserved.Contains(variable.Name.LocalName)).ToList())
        {
            variable.Remove();
        }
        if (merged.Root?.Element("RunConfiguration")?.Element("EnvironmentVariables") is { HasElements: false } empty)
        {
            empty.Remove();
        }
        return conflicts;
    }

    private static IEnumerable<XElement> Set(XDocument document) =>
        document.Root?.Element("RunConfiguration")?.Element("EnvironmentVariables")?.Elements() ?? [];
}
