namespace Orchestrator.Configuration;

/// <summary>
/// Where every run's outcomes are kept (configuration <c>history</c>): a SQLite file of the workspace by default, or a
/// team's Postgres whose connection string comes from an environment variable, never from the file.
/// </summary>
/// <param name="Enabled">Whether runs are recorded and reports set against the history.</param>
/// <param name="Path">The SQLite file, relative to the configuration file; null: <c>.orchestrator/history.db</c>.</param>
/// <param name="PostgresVariable">Environment variable holding a Postgres connection string; null keeps the SQLite file.</param>
/// <param name="RetentionDays">Runs older than this many days are removed.</param>
/// <param name="RetentionRuns">Only this many of the newest runs are kept.</param>
/// <param name="QuarantineCandidatePercent">Flaky rate (in percent) from which <c>flaky</c> suggests quarantine.</param>
public sealed record HistorySettings(bool Enabled, string? Path, string? PostgresVariable, int RetentionDays, int RetentionRuns, int QuarantineCandidatePercent)
{
    public const string DefaultPath = ".orchestrator/history.db";

    public static HistorySettings Default { get; } = new(true, null, null, 90, 500, 10);
}
