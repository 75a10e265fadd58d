namespace Orchestrator.Configuration;

/// <summary>
/// Trait names read from tests (matched case-insensitively). NUnit <c>Category</c> and MSTest
/// <c>TestCategory</c> values arrive as categories and are read as the layer trait as well.
/// </summary>
public sealed record TraitNames(string Layer, string Resource)
{
    public static TraitNames Default { get; } = new("Category", "Resource");
}
