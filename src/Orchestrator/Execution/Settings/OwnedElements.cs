using System.Xml.Linq;

namespace Orchestrator.Execution.Settings;

/// <summary>Elements of the team's <c>.runsettings</c> the orchestrator decides itself, taken out of a merged document.</summary>
internal static class OwnedElements
{
    /// <summary>
    /// Removes from <paramref name="merged"/> the children of <paramref name="parentPath"/> (<c>RunConfiguration</c>,
    /// <c>RunConfiguration/EnvironmentVariables</c>) whose names <paramref name="owned"/> selects, and the parent when that
    /// leaves it empty.
    /// </summary>
    /// <returns>One conflict won by the orchestrator per team document and owned element it sets.</returns>
    public static IReadOnlyList<RunSettingsConflict> Remove(
        XDocument merged, IEnumerable<(string Source, XDocument Document)> teamDocuments, string parentPath, Func<string, bool> owned)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(teamDocuments);
        ArgumentNullException.ThrowIfNull(owned);
        var conflicts = teamDocuments
            .SelectMany(document => Children(document.Document, parentPath)
                .Where(element => owned(element.Name.LocalName))
                .Select(element => new RunSettingsConflict($"{parentPath}/{element.Name.LocalName}", document.Source, DotnetTestCommand.OrchestratorSettings)))
            .ToList();
        foreach (var element in Children(merged, parentPath).Where(element => owned(element.Name.LocalName)).ToList())
        {
            element.Remove();
        }
        if (Parent(merged, parentPath) is { HasElements: false } empty)
        {
            empty.Remove();
        }
        return conflicts;
    }

    private static IEnumerable<XElement> Children(XDocument document, string parentPath) => Parent(document, parentPath)?.Elements() ?? [];

    private static XElement? Parent(XDocument document, string parentPath) =>
        parentPath.Split('/').Aggregate(document.Root, (element, name) => element?.Element(name));
}
