using Orchestrator.Model;
using Orchestrator.Results;

namespace Orchestrator.Execution;

/// <summary>
/// Maps the assembly paths a unit's results come from back to the assemblies of its planned keys, so that the
/// results of a project built for several frameworks land on each framework's keys (see <see cref="TestAssemblyName"/>).
/// </summary>
internal sealed class PlannedAssemblies
{
    private readonly HashSet<string> _assemblies;

    public PlannedAssemblies(IEnumerable<TestKey> planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        _assemblies = planned.Select(key => key.Assembly).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The assembly component of the keys of tests that run from <paramref name="source"/>.</summary>
    public string AssemblyOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var assembly = TestAssemblyName.Of(source, TestAssemblyName.FrameworkIn(source, _assemblies));
        return _assemblies.TryGetValue(assembly, out var planned) ? planned : assembly;
    }

    /// <summary>The streamed result with the framework it ran under, when its project is built for several.</summary>
    public LiveTestResult Keyed(LiveTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result with { TargetFramework = TestAssemblyName.FrameworkIn(result.Source, _assemblies) };
    }

    /// <summary>The TRX result under its framework's key, when its project is built for several.</summary>
    public TestCaseResult Keyed(TestCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var source = !string.IsNullOrEmpty(result.Definition.CodeBase) ? result.Definition.CodeBase : result.Definition.Storage;
        if (string.IsNullOrEmpty(source))
        {
            return result;
        }
        var assembly = AssemblyOf(source);
        return string.Equals(assembly, result.Key.Assembly, StringComparison.OrdinalIgnoreCase) ? result : result with { Key = result.Key with { Assembly = assembly } };
    }
}
