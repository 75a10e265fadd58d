namespace Orchestrator.History;

/// <summary>How long the history keeps runs: none older than <paramref name="Days"/>, and only the newest <paramref name="Runs"/>.</summary>
internal sealed record HistoryRetention(int Days, int Runs);
