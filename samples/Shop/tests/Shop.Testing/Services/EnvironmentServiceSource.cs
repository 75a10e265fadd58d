using Shop.Configuration;

namespace Shop.Testing.Services;

/// <summary>
/// Services the environment provides (the orchestrator, or run-with-services.sh): reads the shop's
/// connection-string variables and fails at once, naming the variable, when one is missing.
/// </summary>
public sealed class EnvironmentServiceSource(ShopSettings settings) : IServiceSource
{
    public Task<ServiceLease> AcquireAsync(ServiceKind kind, CancellationToken ct)
    {
        var connectionString = kind switch
        {
            ServiceKind.Postgres => settings.PostgresConnectionString,
            ServiceKind.Redis => settings.RedisConfiguration,
            ServiceKind.RabbitMq => settings.RabbitMqUri.ToString(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown service."),
        };
        return Task.FromResult(new ServiceLease(connectionString));
    }
}
