using Orchestrator.Model;

namespace Orchestrator.Reporting;

/// <summary>Makes <see cref="ScheduleKey"/>s, upper-casing each distinct assembly name once.</summary>
internal sealed class ScheduleKeys
{
    private readonly Dictionary<string, string> _upperAssemblies = new(StringComparer.Ordinal);

    /// <summary>Assembly case-insensitively, name without a parameter list: theory rows share it.</summary>
    public ScheduleKey Normal(TestKey key)
    {
        var name = key.FullyQualifiedName;
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis > 0)
        {
            name = name[..parenthesis];
        }
        return new ScheduleKey(Upper(key.Assembly), name, Exact: false);
    }

    /// <summary>Assembly case-insensitively, name as written (NUnit keeps the arguments in it: <c>Rows(1)</c>).</summary>
    public ScheduleKey Exact(string assembly, string fullyQualifiedName) => new(Upper(assembly), fullyQualifiedName, Exact: true);

    private string Upper(string assembly)
    {
        if (!_upperAssemblies.TryGetValue(assembly, out var upper))
        {
            upper = assembly.ToUpperInvariant();
            _upperAssemblies.Add(assembly, upper);
        }
        return upper;
    }
}
