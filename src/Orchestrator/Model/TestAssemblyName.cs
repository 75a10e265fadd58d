namespace Orchestrator.Model;

/// <summary>
/// The assembly component of a <see cref="TestKey"/>. A project built for several target frameworks has one
/// assembly per framework under the same file name, so its keys carry the framework (<c>Shop.Tests (net9.0)</c>);
/// a single-target project's keys are the file name alone.
/// </summary>
internal static class TestAssemblyName
{
    /// <summary>The file name without extension, with <paramref name="targetFramework"/> in parentheses when given.</summary>
    public static string Of(string assemblyPath, string? targetFramework = null)
    {
        ArgumentNullException.ThrowIfNull(assemblyPath);
        var name = FileName(assemblyPath);
        return string.IsNullOrEmpty(targetFramework) ? name : $"{name} ({targetFramework})";
    }

    /// <summary>
    /// The framework a result from <paramref name="source"/> is keyed under, given the assemblies its unit was planned
    /// with: the one whose framework-qualified name is planned and names a folder of the path (<c>bin/Release/net9.0/</c>,
    /// or <c>bin/Shop.Tests/release_net9.0/</c> with artifacts output); null when the file name alone is planned or none fits.
    /// </summary>
    public static string? FrameworkIn(string source, IReadOnlySet<string> plannedAssemblies)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plannedAssemblies);
        var name = FileName(source);
        if (plannedAssemblies.Contains(name))
        {
            return null;
        }
        var folders = source.Split('/', '\\');
        for (var index = folders.Length - 2; index >= 0; index--)
        {
            var folder = folders[index];
            var framework = folder[(folder.LastIndexOf('_') + 1)..];
            if (framework.Length > 0 && plannedAssemblies.Contains(Of(name, framework)))
            {
                return framework;
            }
        }
        return null;
    }

    /// <summary>The framework a key's assembly component carries (<c>net9.0</c> of <c>Shop.Tests (net9.0)</c>); null for a single-target project's.</summary>
    public static string? FrameworkOf(string keyAssembly)
    {
        ArgumentNullException.ThrowIfNull(keyAssembly);
        var open = keyAssembly.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && keyAssembly.EndsWith(')') ? keyAssembly[(open + 2)..^1] : null;
    }

    /// <summary>A test's name as reports show it: with the framework after it when its key carries one, so both frameworks' results stay apart.</summary>
    public static string Qualified(string name, TestKey key)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FrameworkOf(key.Assembly) is { } framework ? $"{name} ({framework})" : name;
    }

    /// <summary>The file name without a <c>.dll</c>/<c>.exe</c> extension, from either kind of separator (TRX files may come from another OS).</summary>
    private static string FileName(string path)
    {
        var fileName = path.AsSpan(path.AsSpan().LastIndexOfAny('/', '\\') + 1);
        return fileName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)
            ? fileName[..^4].ToString()
            : fileName.ToString();
    }
}
