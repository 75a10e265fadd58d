using System.Collections.Immutable;

namespace Orchestrator.Configuration;

/// <summary>
/// Code coverage of every unit (configuration <c>coverage</c>, or <c>run --coverage</c>) with coverlet's VSTest collector,
/// merged into one Cobertura file per layer and one for the run.
/// </summary>
/// <param name="Enabled">Whether units collect coverage; when off no collector is passed at all.</param>
/// <param name="Include">Coverlet filters of what to measure, as <c>[assembly]namespace.type</c> with <c>*</c> and <c>?</c>; empty measures every module but the tests.</param>
/// <param name="Exclude">Coverlet filters of what to leave out, same form; they win over <paramref name="Include"/>.</param>
/// <param name="ExcludeByAttribute">Attribute names whose methods and classes are left out (e.g. <c>GeneratedCode</c>, <c>Obsolete</c>).</param>
public sealed record CoverageSettings(bool Enabled, ImmutableArray<string> Include, ImmutableArray<string> Exclude, ImmutableArray<string> ExcludeByAttribute)
{
    public static CoverageSettings Default { get; } = new(false, [], [], []);
}
