namespace Orchestrator.Coverage;

/// <summary>What coverlet's collectors are called and write: the names a unit runner passes and looks for.</summary>
internal static class CoverletFiles
{
    /// <summary>Friendly name of coverlet's VSTest data collector (package <c>coverlet.collector</c>).</summary>
    public const string CollectorName = "XPlat Code Coverage";

    /// <summary>The formats asked for: coverlet's JSON (what is merged) and Cobertura.</summary>
    public const string Formats = "json,cobertura";

    /// <summary>
    /// The files of coverlet's JSON format that a unit leaves in (a sub-directory of) its results directory: <c>coverage.json</c>
    /// from the VSTest collector, <c>coverage.&lt;timestamp&gt;.json</c> from the Microsoft.Testing.Platform extension.
    /// </summary>
    public const string JsonFilePattern = "coverage*.json";
}
