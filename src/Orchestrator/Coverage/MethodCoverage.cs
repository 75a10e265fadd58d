namespace Orchestrator.Coverage;

/// <summary>One method's line hits and branch-path hits.</summary>
internal sealed class MethodCoverage
{
    /// <summary>Line number → hits.</summary>
    public SortedDictionary<int, int> Lines { get; } = [];

    /// <summary>Branch path → hits.</summary>
    public SortedDictionary<BranchPath, int> Branches { get; } = [];

    public void Add(MethodCoverage other)
    {
        foreach (var (line, hits) in other.Lines)
        {
            Lines[line] = Lines.GetValueOrDefault(line) + hits;
        }
        foreach (var (branch, hits) in other.Branches)
        {
            Branches[branch] = Branches.GetValueOrDefault(branch) + hits;
        }
    }

    public CoverageFigures Figures() => new(
        Lines.Values.Count(hits => hits > 0),
        Lines.Count,
        Branches.Values.Count(hits => hits > 0),
        Branches.Count);
}
