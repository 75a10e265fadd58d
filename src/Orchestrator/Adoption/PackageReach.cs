using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>
/// A package a test project gets, and how: directly (<see cref="Via"/> empty), through a chain of
/// project references, or from a Directory.Build.* / Directory.Packages.props file.
/// </summary>
public sealed record PackageReach(string Package, ImmutableArray<string> Via, bool Conditional = false)
{
    public bool IsDirect => Via.IsEmpty;

    public override string ToString() =>
        (IsDirect ? Package : $"{Package} (through {string.Join(" → ", Via)})") + (Conditional ? " [conditional]" : "");
}
