namespace Orchestrator.Results;

/// <summary>
/// The name reports show for a test case: fully qualified for every framework. xunit's display names already
/// are (<c>Ns.Class.Method(x: 1)</c>); NUnit and MSTest show the method alone (<c>Fails</c>, <c>Rows (1)</c>), which
/// names no test once results of many classes are merged, so the class is put in front.
/// </summary>
internal static class QualifiedName
{
    /// <param name="displayName">The framework's display name of the case.</param>
    /// <param name="fullyQualifiedName">The case's fully qualified name (<c>Ns.Class.Method</c>, NUnit with arguments).</param>
    public static string Of(string displayName, string fullyQualifiedName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(fullyQualifiedName);
        var className = ClassOf(fullyQualifiedName);
        if (className.Length == 0 || displayName.StartsWith(className + ".", StringComparison.Ordinal) || displayName.StartsWith(fullyQualifiedName, StringComparison.Ordinal))
        {
            return displayName;
        }
        return className + "." + displayName;
    }

    /// <summary>The class part of a fully qualified name; a dot inside the arguments of a test case does not split.</summary>
    public static string ClassOf(string fullyQualifiedName)
    {
        ArgumentNullException.ThrowIfNull(fullyQualifiedName);
        var arguments = fullyQualifiedName.IndexOf('(', StringComparison.Ordinal);
        var searchEnd = arguments < 0 ? fullyQualifiedName.Length : arguments;
        var dot = searchEnd == 0 ? -1 : fullyQualifiedName.LastIndexOf('.', searchEnd - 1);
        return dot <= 0 ? string.Empty : fullyQualifiedName[..dot];
    }
}
