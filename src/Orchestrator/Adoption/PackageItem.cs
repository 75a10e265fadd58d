namespace Orchestrator.Adoption;

/// <summary>A package item of an MSBuild file, and whether a condition (not evaluated) guards it.</summary>
internal sealed record PackageItem(string Name, bool Conditional);
