namespace Orchestrator.Configuration.Kinds;

/// <summary>
/// Redis: a server of its own per unit by default (it starts in milliseconds, and FLUSHALL empties every database),
/// a database index per unit on a shared one.
/// </summary>
internal static class RedisKind
{
    public const string Name = "redis";

    public static KindDescriptor Descriptor { get; } = new()
    {
        Kind = ResourceKind.Redis,
        Name = Name,
        DisplayName = "Redis",
        Ports = [6379],
        Isolation = IsolationSettings.Dedicated,
        NamespaceDescription = "a database index per unit on a shared server",
        Environment = KindEnvironment.Of(("REDIS_PASSWORD", KindEnvironment.Secret)),
        // The server runs without a password when none is given, and the probe and clients then send none.
        FillsEnvironment = false,
        ConnectionTemplate = "{host}:{port},password={secret},defaultDatabase={namespace},abortConnect=false",
        ConnectionVariable = "ConnectionStrings__Redis",
        ClientPackages =
        [
            "StackExchange.Redis", "Microsoft.Extensions.Caching.StackExchangeRedis", "Microsoft.AspNetCore.DataProtection.StackExchangeRedis",
            "Microsoft.AspNetCore.SignalR.StackExchangeRedis", "NRedisStack", "Aspire.StackExchange.Redis",
        ],
        ImageWords = ["redis", "valkey"],
        UriSchemes = ["redis", "rediss"],
        VariableWords = ["REDIS", "CACHE"],
        TestcontainersBuilder = "RedisBuilder",
    };
}
