namespace Orchestrator.Adoption;

/// <summary>A named value init found in a repository file (a variable, a configuration key, a service setting), and where.</summary>
internal sealed record FoundValue(string Name, string Value, string File, int Line)
{
    /// <summary>Where the value came from, as a reader finds it: "file line N".</summary>
    public string Origin => Line > 0 ? $"{File} line {Line}" : File;
}
