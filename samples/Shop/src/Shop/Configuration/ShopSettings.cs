using Npgsql;
using StackExchange.Redis;

namespace Shop.Configuration;

/// <summary>
/// The one place the shop reads its settings from the environment (.NET convention:
/// <c>ConnectionStrings__Name</c>). Each value is validated only when asked for, so a process that
/// needs Redis alone does not fail for a missing Postgres.
/// </summary>
public sealed class ShopSettings
{
    private readonly Func<string, string?> _getVariable;

    public ShopSettings(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        _getVariable = getVariable;
    }

    public static ShopSettings FromEnvironment() => new(Environment.GetEnvironmentVariable);

    public static ShopSettings FromValues(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ShopSettings(name => values.TryGetValue(name, out var value) ? value : null);
    }

    public bool Has(string variable) => !string.IsNullOrWhiteSpace(_getVariable(variable));

    public string PostgresConnectionString
    {
        get
        {
            var value = Require(ShopConnectionStrings.PostgresVariable);
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(value);
                if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database))
                {
                    throw new InvalidSettingException(ShopConnectionStrings.PostgresVariable, "Host and Database are required.");
                }

                return builder.ConnectionString;
            }
            catch (ArgumentException ex)
            {
                throw new InvalidSettingException(ShopConnectionStrings.PostgresVariable, ex.Message);
            }
        }
    }

    public string RedisConfiguration
    {
        get
        {
            var value = Require(ShopConnectionStrings.RedisVariable);
            try
            {
                var options = ConfigurationOptions.Parse(value);
                if (options.EndPoints.Count == 0)
                {
                    throw new InvalidSettingException(ShopConnectionStrings.RedisVariable, "no endpoint (expected host:port first).");
                }

                return value;
            }
            catch (ArgumentException ex)
            {
                throw new InvalidSettingException(ShopConnectionStrings.RedisVariable, ex.Message);
            }
        }
    }

    public Uri RabbitMqUri
    {
        get
        {
            var value = Require(ShopConnectionStrings.RabbitMqVariable);
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps") || string.IsNullOrEmpty(uri.Host))
            {
                throw new InvalidSettingException(ShopConnectionStrings.RabbitMqVariable, "expected amqp://user:password@host:port/vhost.");
            }

            return uri;
        }
    }

    private string Require(string variable)
    {
        var value = _getVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? throw new MissingSettingException(variable) : value.Trim();
    }
}
