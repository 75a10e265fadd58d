namespace Orchestrator.Model;

/// <summary>Where a test's layer or resources came from, strongest first.</summary>
public enum TraitOrigin
{
    /// <summary>A trait or category on the test itself.</summary>
    Trait,

    /// <summary>A project-level declaration in the test project's csproj.</summary>
    Project,

    /// <summary>A rule in the configuration file.</summary>
    Rule,

    /// <summary>The configured default (layer), or nothing at all (resources).</summary>
    Default,
}
