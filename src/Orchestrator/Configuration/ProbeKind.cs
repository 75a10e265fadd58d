namespace Orchestrator.Configuration;

public enum ProbeKind
{
    /// <summary>The resource kind's protocol probe (postgres query, redis PING, AMQP handshake).</summary>
    BuiltIn,

    /// <summary>A command inside the container exits with 0.</summary>
    Exec,

    /// <summary>A container log line matches a pattern.</summary>
    LogLine,

    /// <summary>An HTTP GET through the published port answers 2xx.</summary>
    Http,

    /// <summary>A TCP connection through the published port is accepted and not closed at once.</summary>
    Tcp,

    /// <summary>No probe: ready when running.</summary>
    None,
}
