using Orchestrator.History;
using Orchestrator.Results;
using Xunit;

namespace Orchestrator.Cli.Tests.History;

/// <summary>The history store on SQLite (a temporary file) and on a real Postgres container: the same records back, migrated once, retained by age and count.</summary>
public sealed class HistoryStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orchestrator-history-").FullName;

    private static readonly DateTimeOffset _now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Sqlite_keeps_what_runs_recorded_and_reads_it_back_per_test()
    {
        var path = Path.Combine(_directory, ".orchestrator", "history.db");
        await AssertRoundTripAsync(HistoryStores.OpenSqlite(path, new HistoryRetention(90, 500)));
        await AssertRoundTripAsync(HistoryStores.OpenSqlite(path, new HistoryRetention(90, 500)), alreadyRecorded: 2);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Sqlite_drops_runs_older_than_the_days_and_beyond_the_newest_runs()
    {
        var store = HistoryStores.OpenSqlite(Path.Combine(_directory, "history.db"), new HistoryRetention(10, 3));
        foreach (var daysAgo in new[] { 30, 4, 3, 2, 1 })
        {
            var run = Run($"run-{daysAgo}", _now.AddDays(-daysAgo));
            await store.RecordAsync(run, [Record(run, "T", TestOutcome.Passed)], CancellationToken.None);
        }

        var kept = await store.ReadAsync(DateTimeOffset.MinValue, null, CancellationToken.None);

        Assert.Equal(["run-3", "run-2", "run-1"], kept.Select(record => record.Run.RunId));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task A_merged_run_replaces_the_records_of_the_shards_it_merges()
    {
        var store = HistoryStores.OpenSqlite(Path.Combine(_directory, "history.db"), new HistoryRetention(90, 500));
        var shard = Run("shard-a", _now.AddMinutes(-5));
        await store.RecordAsync(shard, [Record(shard, "T", TestOutcome.Failed)], CancellationToken.None);
        var merged = Run("shard-a+shard-b", _now);

        await store.RecordAsync(merged, [Record(merged, "T", TestOutcome.Failed), Record(merged, "U", TestOutcome.Passed)], CancellationToken.None);

        var records = await store.ReadAsync(DateTimeOffset.MinValue, null, CancellationToken.None);
        Assert.All(records, record => Assert.Equal("shard-a+shard-b", record.Run.RunId));
        Assert.Equal(2, records.Count);
    }

    [Fact]
    [Trait("Category", "Integration")]
    [Trait("Resource", "docker")]
    [Trait("Resource", "postgres")]
    public async Task Postgres_keeps_what_runs_recorded_and_reads_it_back_per_test()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var postgres = await HistoryPostgres.StartAsync(deadline.Token);

        await AssertRoundTripAsync(HistoryStores.OpenPostgres("ORCHESTRATOR_HISTORY", postgres.ConnectionString, new HistoryRetention(90, 500)));
        await AssertRoundTripAsync(HistoryStores.OpenPostgres("ORCHESTRATOR_HISTORY", postgres.ConnectionString, new HistoryRetention(90, 500)), alreadyRecorded: 2);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public async Task An_unreachable_postgres_is_reported_as_unavailable_with_its_location()
    {
        var store = HistoryStores.OpenPostgres("ORCHESTRATOR_HISTORY", "Host=127.0.0.1;Port=1;Username=ci;Password=secret;Database=history;Timeout=2", new HistoryRetention(90, 500));

        var unavailable = await Assert.ThrowsAsync<HistoryUnavailableException>(() => store.ReadAsync(DateTimeOffset.MinValue, null, CancellationToken.None));

        Assert.Equal("Postgres 127.0.0.1:1/history ($ORCHESTRATOR_HISTORY)", unavailable.Location);
        Assert.DoesNotContain("secret", store.Location, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Unit")]
    public async Task An_unset_connection_variable_names_the_variable_to_set()
    {
        var store = HistoryStores.OpenPostgres("ORCHESTRATOR_HISTORY", null, new HistoryRetention(90, 500));

        var unavailable = await Assert.ThrowsAsync<HistoryUnavailableException>(() => store.RecordAsync(Run("r", _now), [], CancellationToken.None));

        Assert.Contains("ORCHESTRATOR_HISTORY", unavailable.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Records two runs (after <paramref name="alreadyRecorded"/> earlier ones) and reads them back, all and by test.</summary>
    private static async Task AssertRoundTripAsync(ITestHistoryStore store, int alreadyRecorded = 0)
    {
        var first = Run($"run-{alreadyRecorded}", _now.AddHours(alreadyRecorded));
        var second = Run($"run-{alreadyRecorded + 1}", _now.AddHours(alreadyRecorded + 1)) with { Origin = new RunOrigin(null, null, "agent-2") };
        await store.RecordAsync(first, [Record(first, "Flaky", TestOutcome.Flaky, "boom"), Record(first, "Steady", TestOutcome.Passed)], CancellationToken.None);
        await store.RecordAsync(second, [Record(second, "Flaky", TestOutcome.Failed, "boom again"), Record(second, "Steady", TestOutcome.Passed)], CancellationToken.None);

        var all = await store.ReadAsync(_now.AddHours(alreadyRecorded), null, CancellationToken.None);
        var flaky = await store.ReadAsync(DateTimeOffset.MinValue, ["id-Flaky"], CancellationToken.None);

        Assert.Equal(4, all.Count);
        Assert.Equal(alreadyRecorded + 2, flaky.Count);
        Assert.Equal(Record(second, "Flaky", TestOutcome.Failed, "boom again"), flaky[^1]);
        Assert.Equal(Record(first, "Flaky", TestOutcome.Flaky, "boom"), flaky[^2]);
    }

    private static HistoryRun Run(string id, DateTimeOffset at) => new(id, at, "pr", new RunOrigin("0123abcd", "main", "agent-1"));

    private static TestHistoryRecord Record(HistoryRun run, string name, TestOutcome outcome, string? message = null) =>
        new(run, "id-" + name, "Tests." + name, "integration", "integration-1", "integration", outcome, outcome == TestOutcome.Flaky ? 2 : 1, TimeSpan.FromMilliseconds(1234), message);
}
