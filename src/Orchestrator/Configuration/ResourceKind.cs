namespace Orchestrator.Configuration;

/// <summary>
/// Built-in knowledge about a resource: readiness probe and per-partition namespace. A built-in container kind is
/// described once in <c>Configuration/Kinds</c> and served by its folder of the Docker provider.
/// </summary>
public enum ResourceKind
{
    /// <summary>A container described only by the configuration (generic probe, setup command).</summary>
    Generic,

    /// <summary>PostgreSQL: probed with a real query; a database per partition.</summary>
    Postgres,

    /// <summary>Redis: probed with PING; a database index (or key prefix) per partition.</summary>
    Redis,

    /// <summary>RabbitMQ: probed with an AMQP handshake; a virtual host per partition.</summary>
    RabbitMq,

    /// <summary>Provided by the environment (not a container): only variables and an optional probe.</summary>
    External,

    /// <summary>MySQL or MariaDB: probed with the server's handshake; a database per partition.</summary>
    MySql,
}
