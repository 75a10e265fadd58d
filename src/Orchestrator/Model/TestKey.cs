namespace Orchestrator.Model;

/// <summary>
/// Identifies a schedulable test: the assembly name (file name without extension) and the
/// fully qualified name. Data rows of one theory share a key and are always scheduled together,
/// because VSTest's <c>FullyQualifiedName</c> filter cannot tell them apart.
/// </summary>
public readonly record struct TestKey(string Assembly, string FullyQualifiedName)
{
    /// <summary>Ordinal order by assembly, then name: the deterministic order plans and reports use.</summary>
    public static IComparer<TestKey> Ordinal { get; } = Comparer<TestKey>.Create(static (left, right) =>
    {
        var byAssembly = string.CompareOrdinal(left.Assembly, right.Assembly);
        return byAssembly != 0 ? byAssembly : string.CompareOrdinal(left.FullyQualifiedName, right.FullyQualifiedName);
    });

    public override string ToString() => $"{Assembly}:{FullyQualifiedName}";
}
