namespace Orchestrator.Execution;

/// <summary>A test case a test host started and has not finished.</summary>
/// <param name="FullyQualifiedName">Its fully qualified name.</param>
/// <param name="DisplayName">Its display name (with the arguments of a data row).</param>
/// <param name="Since">When the orchestrator saw it start.</param>
internal sealed record RunningTest(string FullyQualifiedName, string DisplayName, DateTimeOffset Since)
{
    /// <summary>Order in which the orchestrator read the starts.</summary>
    public long Sequence { get; init; }

    public string Name => Results.QualifiedName.Of(DisplayName, FullyQualifiedName);

    public override string ToString() => Name;
}
