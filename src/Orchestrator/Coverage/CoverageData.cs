namespace Orchestrator.Coverage;

/// <summary>
/// Hits of every instrumented line and branch, as coverlet records them: by module, source file, class and method. Merging
/// adds hits of the same line (and of the same branch path) and unites the rest, so units that ran different tests of
/// the same code add up to what one process running them all records.
/// </summary>
internal sealed class CoverageData
{
    /// <summary>Module (assembly file name) → source file → class → method.</summary>
    public SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, MethodCoverage>>>> Modules { get; } = new(StringComparer.Ordinal);

    public MethodCoverage Method(string module, string file, string className, string method)
    {
        var files = GetOrAdd(Modules, module);
        var classes = GetOrAdd(files, file);
        var methods = GetOrAdd(classes, className);
        if (!methods.TryGetValue(method, out var coverage))
        {
            coverage = new MethodCoverage();
            methods[method] = coverage;
        }
        return coverage;
    }

    /// <summary>Adds every hit of <paramref name="other"/> to this.</summary>
    public void Add(CoverageData other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (module, files) in other.Modules)
        {
            foreach (var (file, classes) in files)
            {
                foreach (var (className, methods) in classes)
                {
                    foreach (var (name, method) in methods)
                    {
                        Method(module, file, className, name).Add(method);
                    }
                }
            }
        }
    }

    public CoverageFigures Figures() =>
        Modules.Values.SelectMany(files => files.Values).SelectMany(classes => classes.Values).SelectMany(methods => methods.Values)
            .Aggregate(CoverageFigures.Zero, (sum, method) => sum.Plus(method.Figures()));

    private static SortedDictionary<string, T> GetOrAdd<T>(SortedDictionary<string, SortedDictionary<string, T>> map, string key)
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new SortedDictionary<string, T>(StringComparer.Ordinal);
            map[key] = value;
        }
        return value;
    }
}
