namespace Orchestrator.History;

/// <summary>
/// Where the outcomes of every run are kept (a SQLite file of the workspace, or a team's Postgres). Implementations report
/// any failure to reach or use the store as <see cref="HistoryUnavailableException"/>: writing history never fails a run.
/// </summary>
public interface ITestHistoryStore
{
    /// <summary>Where the store is, for messages (a file path, or a host and database, never a password).</summary>
    string Location { get; }

    /// <summary>Records of the tests <paramref name="testIds"/> names (every test when null) recorded since <paramref name="since"/>.</summary>
    /// <exception cref="HistoryUnavailableException">The store could not be read.</exception>
    Task<IReadOnlyList<TestHistoryRecord>> ReadAsync(DateTimeOffset since, IReadOnlyCollection<string>? testIds, CancellationToken ct);

    /// <summary>
    /// Records <paramref name="run"/> with its tests' records (replacing the runs it merges) and applies the retention.
    /// </summary>
    /// <exception cref="HistoryUnavailableException">The store could not be written.</exception>
    Task RecordAsync(HistoryRun run, IReadOnlyList<TestHistoryRecord> records, CancellationToken ct);
}
