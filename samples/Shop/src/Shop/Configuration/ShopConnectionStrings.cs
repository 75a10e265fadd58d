namespace Shop.Configuration;

/// <summary>
/// The environment variables the shop reads its connection strings from. These names are a contract:
/// the orchestrator sets them per partition (own database, Redis db index, RabbitMQ vhost).
/// </summary>
public static class ShopConnectionStrings
{
    /// <summary>Npgsql format: <c>Host=127.0.0.1;Port=N;Username=postgres;Password=...;Database=...</c>.</summary>
    public const string PostgresVariable = "ConnectionStrings__Postgres";

    /// <summary>StackExchange.Redis format: <c>127.0.0.1:N,password=...,defaultDatabase=I,abortConnect=false</c>.</summary>
    public const string RedisVariable = "ConnectionStrings__Redis";

    /// <summary>AMQP URI: <c>amqp://orchestrator:PASSWORD@127.0.0.1:N/vhost</c>.</summary>
    public const string RabbitMqVariable = "ConnectionStrings__RabbitMq";
}
