using Orchestrator.Configuration;
using Orchestrator.Docker.Kinds.Generic;
using Orchestrator.Docker.Kinds.MySql;
using Orchestrator.Docker.Kinds.Postgres;
using Orchestrator.Docker.Kinds.RabbitMq;
using Orchestrator.Docker.Kinds.Redis;

namespace Orchestrator.Docker.Kinds;

/// <summary>
/// The module of each resource kind, one line each; generic and external resources rely on their configuration alone.
/// A kind without its line here would be probed and isolated as a generic one, which a test guards against.
/// </summary>
internal static class KindModules
{
    public static IKindModule For(ResourceKind kind) => kind switch
    {
        ResourceKind.Postgres => PostgresModule.Instance,
        ResourceKind.Redis => RedisModule.Instance,
        ResourceKind.RabbitMq => RabbitMqModule.Instance,
        ResourceKind.MySql => MySqlModule.Instance,
        _ => GenericModule.Instance,
    };
}
