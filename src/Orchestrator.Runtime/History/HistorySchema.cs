namespace Orchestrator.History;

/// <summary>
/// The history's tables, as numbered migrations applied in order on open; <c>schema_version</c> holds the last applied.
/// Plain types both SQLite and Postgres take: times and durations in milliseconds, outcomes as names.
/// </summary>
internal static class HistorySchema
{
    public const string VersionTable = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";

    /// <summary>Migration <c>n</c> brings the schema from version <c>n</c> to <c>n + 1</c>; never edit one that shipped, add the next.</summary>
    public static IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            "CREATE TABLE runs (run_id TEXT PRIMARY KEY, recorded_at BIGINT NOT NULL, cadence TEXT NOT NULL, commit_sha TEXT NULL, branch TEXT NULL, machine TEXT NOT NULL)",
            "CREATE INDEX runs_recorded_at ON runs (recorded_at)",
            "CREATE TABLE results (run_id TEXT NOT NULL, layer TEXT NOT NULL, test_id TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL, partition_id TEXT NOT NULL, " +
            "outcome TEXT NOT NULL, attempts INTEGER NOT NULL, duration_ms BIGINT NOT NULL, failure_message TEXT NULL, PRIMARY KEY (run_id, layer, test_id))",
            "CREATE INDEX results_test_id ON results (test_id)",
        ],
    ];

    public static int Version => Migrations.Count;
}
