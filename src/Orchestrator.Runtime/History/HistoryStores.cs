using Microsoft.Data.Sqlite;
using Npgsql;
using Orchestrator.Configuration;
using Orchestrator.Pipeline;

namespace Orchestrator.History;

/// <summary>Opens the history store a workspace's configuration names: its SQLite file, or the team's Postgres.</summary>
public static class HistoryStores
{
    /// <summary>Serializes schema migrations of every agent writing into one Postgres database.</summary>
    private const string PostgresMigrationLock = "SELECT pg_advisory_xact_lock(7154036201)";

    /// <param name="workspace">The repository and its configuration.</param>
    /// <param name="environment">Reads the variable holding the Postgres connection string; null: the process environment.</param>
    /// <returns>The store, or null when the configuration turns history off.</returns>
    public static ITestHistoryStore? Open(Workspace workspace, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var settings = workspace.Configuration.History;
        if (!settings.Enabled)
        {
            return null;
        }
        var retention = new HistoryRetention(settings.RetentionDays, settings.RetentionRuns);
        if (settings.PostgresVariable is { } variable)
        {
            return OpenPostgres(variable, (environment ?? Environment.GetEnvironmentVariable)(variable), retention);
        }
        var path = workspace.Resolve(settings.Path ?? HistorySettings.DefaultPath);
        return OpenSqlite(path, retention);
    }

    /// <summary>The store of <paramref name="workspace"/> with the run's commit, branch and machine; null when history is off.</summary>
    public static async Task<HistoryOptions?> OptionsAsync(Workspace workspace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Open(workspace) is { } store ? new HistoryOptions(store, await RunOrigins.DetectAsync(workspace.Root, ct)) : null;
    }

    internal static ITestHistoryStore OpenSqlite(string path, HistoryRetention retention)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        return new SqlHistoryStore(() =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new SqliteConnection(connectionString);
        }, null, path, retention);
    }

    internal static ITestHistoryStore OpenPostgres(string variable, string? connectionString, HistoryRetention retention)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new UnavailableHistoryStore($"Postgres (${variable})",
                $"the environment variable {variable} that the configuration names for the history's connection string is not set: set it (a CI secret), or remove history.postgres to keep the history in a SQLite file.");
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException invalid)
        {
            return new UnavailableHistoryStore($"Postgres (${variable})", $"${variable} is not a valid Postgres connection string ({invalid.Message}): write it as Host=…;Database=…;Username=…;Password=….");
        }
        var location = $"Postgres {builder.Host}:{builder.Port}/{builder.Database} (${variable})";
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        return new SqlHistoryStore(dataSource.CreateConnection, PostgresMigrationLock, location, retention);
    }
}
