namespace Orchestrator.Configuration;

/// <summary>Built-in knowledge about a resource: readiness probe and per-partition namespace.</summary>
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
}
