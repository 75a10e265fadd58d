namespace Orchestrator.History;

/// <summary>How a run is recorded into the history and set against it in its reports.</summary>
/// <param name="Store">The history store.</param>
/// <param name="Origin">The run's commit, branch and machine.</param>
public sealed record HistoryOptions(ITestHistoryStore Store, RunOrigin Origin)
{
    /// <summary>How far back a report looks per failing or flaky test.</summary>
    public HistoryWindow Window { get; init; } = HistoryWindow.Default;
}
