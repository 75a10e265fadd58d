namespace Shop.Testing.Services;

public enum ServiceKind
{
    Postgres,
    Redis,
    RabbitMq,
}
