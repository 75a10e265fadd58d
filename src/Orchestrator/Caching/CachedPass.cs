namespace Orchestrator.Caching;

/// <summary>A test that passed on its first attempt, every case of it, in the run that recorded it.</summary>
/// <param name="FullyQualifiedName">The test (all its cases are cached together, as they are scheduled together).</param>
/// <param name="Cases">Its cases as they passed, reported again when the pass is reused.</param>
/// <param name="RunId">The run the pass came from, named wherever it is reused.</param>
/// <param name="RecordedAt">When that run recorded it.</param>
internal sealed record CachedPass(string FullyQualifiedName, IReadOnlyList<CachedCase> Cases, string RunId, DateTimeOffset RecordedAt)
{
    /// <summary>The time its cases took in that run.</summary>
    public TimeSpan Duration => Cases.Aggregate(TimeSpan.Zero, (sum, pass) => sum + pass.Duration);
}
