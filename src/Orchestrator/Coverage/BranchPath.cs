namespace Orchestrator.Coverage;

/// <summary>One path out of a branch point, as coverlet identifies it within a method.</summary>
internal readonly record struct BranchPath(int Line, int Offset, int EndOffset, int Path, int Ordinal) : IComparable<BranchPath>
{
    public int CompareTo(BranchPath other)
    {
        var byLine = Line.CompareTo(other.Line);
        if (byLine != 0)
        {
            return byLine;
        }
        var byOffset = Offset.CompareTo(other.Offset);
        if (byOffset != 0)
        {
            return byOffset;
        }
        var byOrdinal = Ordinal.CompareTo(other.Ordinal);
        if (byOrdinal != 0)
        {
            return byOrdinal;
        }
        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : EndOffset.CompareTo(other.EndOffset);
    }
}
