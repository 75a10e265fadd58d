using Npgsql;
using Orchestrator.Resources;
using Orchestrator.Security;

namespace Orchestrator.Docker.Kinds.Postgres;

/// <summary>
/// Creates a unit's database over the PostgreSQL wire protocol, through the port published on the loopback
/// address, as the instance's own user. Starting <c>psql</c> inside the container would cost a process per
/// namespace; a connection costs milliseconds.
/// </summary>
internal static class PostgresDatabases
{
    public static async Task CreateAsync(TrackedInstance tracked, ResourceInstance instance, string user, string database, SecretRedactor redactor, CancellationToken ct)
    {
        var port = instance.PrimaryPort ?? throw new ResourceException(tracked.Definition.Name,
            $"Resource '{tracked.Definition.Name}' publishes no port, so its databases cannot be created: give it \"ports\": [5432].");
        var connection = new NpgsqlConnectionStringBuilder
        {
            Host = instance.Host,
            Port = port,
            Username = user,
            Password = tracked.Environment.GetValueOrDefault("POSTGRES_PASSWORD"),
            Database = tracked.Environment.GetValueOrDefault("POSTGRES_DB", user),
            Pooling = false,
            Timeout = 30,
        };
        try
        {
            await using var session = new NpgsqlConnection(connection.ConnectionString);
            await session.OpenAsync(ct).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", session);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            throw new ResourceException(tracked.Definition.Name, redactor.Redact(
                $"Creating database '{database}' in '{tracked.InstanceName}' on {instance.Host}:{port} as '{user}' failed: {exception.Message}. " +
                "Check the resource's POSTGRES_USER / POSTGRES_PASSWORD environment, or give it an 'isolation.setup' command."),
                exception, tracked.ContainerId);
        }
    }
}
