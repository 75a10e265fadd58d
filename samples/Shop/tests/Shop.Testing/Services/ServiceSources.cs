using Shop.Configuration;

namespace Shop.Testing.Services;

/// <summary>
/// Chooses the service source from <c>SHOP_CONTAINERS</c>: unset or <c>environment</c> reads the
/// connection-string variables (the orchestrator's way); <c>per-class</c> starts containers of its own
/// for every test class fixture through Testcontainers, without any change to the tests.
/// </summary>
public static class ServiceSources
{
    public const string ModeVariable = "SHOP_CONTAINERS";

    public static IServiceSource FromEnvironment()
    {
        var mode = Environment.GetEnvironmentVariable(ModeVariable);
        return mode switch
        {
            null or "" or "environment" => new EnvironmentServiceSource(ShopSettings.FromEnvironment()),
            "per-class" => new TestcontainersServiceSource(),
            _ => throw new InvalidOperationException(
                $"{ModeVariable}='{mode}' is not supported: leave it unset (or 'environment') to use the ConnectionStrings__* variables, "
                + "or set 'per-class' to start containers per test class."),
        };
    }
}
