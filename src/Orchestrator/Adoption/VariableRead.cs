namespace Orchestrator.Adoption;

/// <summary>
/// An environment variable or configuration key test code reads, and where. A configuration key
/// (<c>ConnectionStrings:Redis</c>) reaches the tests as the environment variable with '__' for ':'.
/// </summary>
internal sealed record VariableRead(string Name, string File, int Line, bool IsConfigurationKey = false)
{
    /// <summary>The environment variable that gives the value: the name itself, or the key with '__' for ':'.</summary>
    /// <summary>The value the code uses when the variable is not set (<c>GetEnvironmentVariable("X") ?? "…"</c>); null when it has none init could read.</summary>
    public string? Fallback { get; init; }

    public string Variable => IsConfigurationKey ? Name.Replace(":", "__", StringComparison.Ordinal) : Name;

    public string Origin => $"{File} line {Line}";
}
