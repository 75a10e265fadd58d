using System.Collections.Immutable;

namespace Orchestrator.Adoption;

/// <summary>
/// A package a test project gets, and how: directly (<see cref="Via"/> empty), through a chain of
/// project references and NuGet packages, or from a Directory.Build.* / Directory.Packages.props file.
/// </summary>
public sealed record PackageReach(string Package, ImmutableArray<string> Via, bool Conditional = false)
{
    private const string PackageStepPrefix = "NuGet package ";

    public bool IsDirect => Via.IsEmpty;

    /// <summary>Whether a NuGet package (not only project references or Directory.* files) brings it.</summary>
    public bool ThroughPackage => Via.Any(step => step.StartsWith(PackageStepPrefix, StringComparison.Ordinal));

    /// <summary>The step of <see cref="Via"/> that names a NuGet package bringing others: "NuGet package Acme.Data".</summary>
    public static string PackageStep(string package) => PackageStepPrefix + package;

    public override string ToString() =>
        (IsDirect ? Package : $"{Package} (through {string.Join(" → ", Via)})") + (Conditional ? " [conditional]" : "");
}
