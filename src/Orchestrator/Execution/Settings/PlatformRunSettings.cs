namespace Orchestrator.Execution.Settings;

/// <summary>
/// The <c>.runsettings</c> a Microsoft.Testing.Platform application that reads them (MSTest's runner, NUnit's runner:
/// <c>--settings</c>) gets: the team's documents merged as for a VSTest unit, the project's over the shared one, without
/// the elements the orchestrator decides for every such application. The runner takes the file's
/// <c>RunConfiguration/ResultsDirectory</c> over the unit's <c>--results-directory</c> for the adapter's files, and ANDs
/// its <c>RunConfiguration/TestCaseFilter</c> with the unit's cases, so that planned cases would report nothing; both are
/// left out, and each file that sets one is a conflict won by the orchestrator; so are the <see cref="ReservedVariables"/>.
/// </summary>
internal static class PlatformRunSettings
{
    private static readonly string[] Owned = ["ResultsDirectory", "TestCaseFilter"];

    /// <returns>The document to pass and what the merge overrode or left out; null without team documents.</returns>
    public static (string Xml, IReadOnlyList<RunSettingsConflict> Conflicts)? Merge(IReadOnlyList<RunSettingsLayer> layers, IReadOnlySet<string> reservedVariables)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(reservedVariables);
        if (layers.Count == 0)
        {
            return null;
        }
        var documents = layers.Select(layer => (layer.Source, Document: RunSettingsMerge.Parse(layer))).ToList();
        var (merged, conflicts) = RunSettingsMerge.Merge(documents);
        var owned = Owned.Select(name => "RunConfiguration/" + name).ToHashSet(StringComparer.Ordinal);
        var all = conflicts.Where(conflict => !owned.Contains(conflict.Path)).ToList();
        all.AddRange(ReservedVariables.Remove(merged, documents, reservedVariables));
        all.AddRange(OwnedElements.Remove(merged, documents, "RunConfiguration", Owned.Contains));
        return (merged.ToString(), all);
    }
}
