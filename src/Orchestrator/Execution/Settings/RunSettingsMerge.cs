using System.Xml;
using System.Xml.Linq;

namespace Orchestrator.Execution.Settings;

/// <summary>
/// Merges <c>.runsettings</c> documents, later over earlier, element by element: a leaf (an element without child
/// elements) of a later document replaces the same leaf of an earlier one, other elements merge their children. Data
/// collectors and loggers are matched by <c>friendlyName</c> (else <c>uri</c>), test run parameters by <c>name</c>, so
/// that documents add to these lists. Every leaf or attribute that a later document changes is reported, never
/// overridden silently.
/// </summary>
internal static class RunSettingsMerge
{
    /// <summary>Elements of lists whose items are told apart by an attribute.</summary>
    private static readonly Dictionary<string, string[]> _keyAttributes = new(StringComparer.Ordinal)
    {
        ["DataCollector"] = ["friendlyName", "uri"],
        ["InProcDataCollector"] = ["friendlyName", "uri"],
        ["Logger"] = ["friendlyName", "uri"],
        ["Parameter"] = ["name"],
    };

    /// <summary>Parses one document; a text that is not a <c>RunSettings</c> document is an error naming its source.</summary>
    public static XDocument Parse(RunSettingsLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        XDocument document;
        try
        {
            document = XDocument.Parse(layer.Xml);
        }
        catch (XmlException exception)
        {
            throw new RunSettingsException(
                $"'{layer.Source}' is not valid XML ({exception.Message}): fix the file, or stop pointing at it (RunSettingsFilePath in the project, testSettings.runSettings in orchestrator.json).", exception);
        }
        if (document.Root?.Name.LocalName != "RunSettings")
        {
            throw new RunSettingsException(
                $"'{layer.Source}' is not a .runsettings file: its root element is <{document.Root?.Name.LocalName}>, not <RunSettings>. Fix the file or point at the right one.");
        }
        return document;
    }

    /// <summary>Merges <paramref name="layers"/> in order, each over the ones before it.</summary>
    /// <returns>The merged document and every value a later layer changed.</returns>
    public static (XDocument Merged, IReadOnlyList<RunSettingsConflict> Conflicts) Merge(IReadOnlyList<(string Source, XDocument Document)> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var merged = new XElement("RunSettings");
        var owners = new Dictionary<XObject, string>();
        var conflicts = new List<RunSettingsConflict>();
        foreach (var (source, document) in layers)
        {
            var root = document.Root ?? throw new ArgumentException($"'{source}' has no root element.", nameof(layers));
            MergeInto(merged, root, source, "", owners, conflicts);
        }
        return (new XDocument(merged), conflicts);
    }

    private static void MergeInto(XElement target, XElement source, string sourceName, string path, Dictionary<XObject, string> owners, List<RunSettingsConflict> conflicts)
    {
        MergeAttributes(target, source, sourceName, path, owners, conflicts);
        foreach (var child in source.Elements())
        {
            var childPath = path.Length == 0 ? NameOf(child) : $"{path}/{NameOf(child)}";
            var match = target.Elements(child.Name).FirstOrDefault(candidate => SameItem(candidate, child));
            if (match is null)
            {
                var copy = new XElement(child);
                target.Add(copy);
                Own(copy, sourceName, owners);
                continue;
            }
            if (!child.HasElements && !match.HasElements)
            {
                if (match.Value != child.Value)
                {
                    if (owners.TryGetValue(match, out var owner))
                    {
                        conflicts.Add(new RunSettingsConflict(childPath, owner, sourceName));
                    }
                    // Setting even an equal empty value would write <Parameter ...></Parameter>, after which MSTest's
                    // reader of test run parameters skips the next one.
                    match.Value = child.Value;
                }
                owners[match] = sourceName;
                MergeAttributes(match, child, sourceName, childPath, owners, conflicts);
                continue;
            }
            MergeInto(match, child, sourceName, childPath, owners, conflicts);
        }
    }

    private static void MergeAttributes(XElement target, XElement source, string sourceName, string path, Dictionary<XObject, string> owners, List<RunSettingsConflict> conflicts)
    {
        _keyAttributes.TryGetValue(source.Name.LocalName, out var keys);
        // An item's key matched case-insensitively: the first spelling stays.
        foreach (var attribute in source.Attributes().Where(attribute => keys is null || !keys.Contains(attribute.Name.LocalName) || target.Attribute(attribute.Name) is null))
        {
            var existing = target.Attribute(attribute.Name);
            if (existing is not null && existing.Value != attribute.Value && owners.TryGetValue(existing, out var owner))
            {
                conflicts.Add(new RunSettingsConflict($"{path}@{attribute.Name.LocalName}", owner, sourceName));
            }
            target.SetAttributeValue(attribute.Name, attribute.Value);
            owners[target.Attribute(attribute.Name)!] = sourceName;
        }
    }

    private static void Own(XElement element, string sourceName, Dictionary<XObject, string> owners)
    {
        foreach (var node in element.DescendantsAndSelf())
        {
            owners[node] = sourceName;
            foreach (var attribute in node.Attributes())
            {
                owners[attribute] = sourceName;
            }
        }
    }

    private static bool SameItem(XElement existing, XElement candidate)
    {
        if (!_keyAttributes.TryGetValue(candidate.Name.LocalName, out var keys))
        {
            return true;
        }
        foreach (var key in keys)
        {
            var mine = candidate.Attribute(key)?.Value;
            if (mine is not null)
            {
                return string.Equals(existing.Attribute(key)?.Value, mine, StringComparison.OrdinalIgnoreCase);
            }
        }
        return false;
    }

    private static string NameOf(XElement element)
    {
        if (_keyAttributes.TryGetValue(element.Name.LocalName, out var keys) && keys.Select(key => element.Attribute(key)?.Value).FirstOrDefault(value => value is not null) is { } key)
        {
            return $"{element.Name.LocalName}[{key}]";
        }
        return element.Name.LocalName;
    }
}
