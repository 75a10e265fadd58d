namespace Orchestrator.History;

/// <summary>One run as the history keeps it.</summary>
/// <param name="RunId">The run's id; a merge of shards or runs joins theirs with <c>+</c>.</param>
/// <param name="RecordedAt">When the run finished.</param>
/// <param name="Cadence">The cadence that ran.</param>
/// <param name="Origin">Commit, branch and machine.</param>
public sealed record HistoryRun(string RunId, DateTimeOffset RecordedAt, string Cadence, RunOrigin Origin)
{
    /// <summary>
    /// The runs a merge combined (its id split at <c>+</c>): the merged run replaces their records, so a run recorded by
    /// its shards and again by their merge is counted once.
    /// </summary>
    public IReadOnlyList<string> Parts => RunId.Split('+', StringSplitOptions.RemoveEmptyEntries);
}
