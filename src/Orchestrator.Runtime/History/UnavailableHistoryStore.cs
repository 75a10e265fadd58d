namespace Orchestrator.History;

/// <summary>A history store that cannot be opened as configured (its variable unset, its connection string invalid): every use says why.</summary>
internal sealed class UnavailableHistoryStore(string location, string reason) : ITestHistoryStore
{
    public string Location => location;

    public Task<IReadOnlyList<TestHistoryRecord>> ReadAsync(DateTimeOffset since, IReadOnlyCollection<string>? testIds, CancellationToken ct) =>
        throw new HistoryUnavailableException(location, reason);

    public Task RecordAsync(HistoryRun run, IReadOnlyList<TestHistoryRecord> records, CancellationToken ct) =>
        throw new HistoryUnavailableException(location, reason);
}
