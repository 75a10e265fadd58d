using MySqlConnector;
using Orchestrator.Resources;

namespace Orchestrator.Docker.Kinds.MySql;

/// <summary>
/// Creates a unit's database over the MySQL client protocol, through the port published on the loopback address,
/// as root. Starting the <c>mariadb</c> client inside the container would cost a process per namespace; a
/// connection costs milliseconds.
/// </summary>
internal static class MySqlDatabases
{
    public static async Task CreateAsync(NamespaceRequest request, CancellationToken ct)
    {
        var (tracked, instance) = (request.Tracked, request.Instance);
        var port = instance.PrimaryPort ?? throw new ResourceException(tracked.Definition.Name,
            $"Resource '{tracked.Definition.Name}' publishes no port, so its databases cannot be created: give it \"ports\": [3306].");
        var connection = new MySqlConnectionStringBuilder
        {
            Server = instance.Host,
            Port = (uint)port,
            UserID = request.User,
            Password = tracked.Environment.GetValueOrDefault("MYSQL_ROOT_PASSWORD") ?? tracked.Environment.GetValueOrDefault("MARIADB_ROOT_PASSWORD"),
            Pooling = false,
            ConnectionTimeout = 30,
        };
        try
        {
            await using var session = new MySqlConnection(connection.ConnectionString);
            await session.OpenAsync(ct).ConfigureAwait(false);
            await using var command = new MySqlCommand($"CREATE DATABASE `{request.Name.Replace("`", "``", StringComparison.Ordinal)}`", session);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MySqlException or InvalidOperationException)
        {
            throw new ResourceException(tracked.Definition.Name, request.Redactor.Redact(
                $"Creating database '{request.Name}' in '{tracked.InstanceName}' on {instance.Host}:{port} as '{request.User}' failed: {exception.Message}. " +
                "Check the resource's MYSQL_ROOT_PASSWORD environment, or give it an 'isolation.setup' command."),
                exception, tracked.ContainerId);
        }
    }
}
