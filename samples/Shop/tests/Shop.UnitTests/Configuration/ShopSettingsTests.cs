using Shop.Configuration;
using Xunit;

namespace Shop.UnitTests.Configuration;

[Trait("Category", "Unit")]
public sealed class ShopSettingsTests
{
    [Fact]
    public void The_variable_names_follow_the_dotnet_connection_string_convention()
    {
        Assert.Equal("ConnectionStrings__Postgres", ShopConnectionStrings.PostgresVariable);
        Assert.Equal("ConnectionStrings__Redis", ShopConnectionStrings.RedisVariable);
        Assert.Equal("ConnectionStrings__RabbitMq", ShopConnectionStrings.RabbitMqVariable);
    }

    [Fact]
    public void The_postgres_connection_string_is_read_in_npgsql_format()
    {
        var settings = Settings(ShopConnectionStrings.PostgresVariable, "Host=127.0.0.1;Port=5544;Username=postgres;Password=s3cret;Database=p_unit_1");

        Assert.Contains("Database=p_unit_1", settings.PostgresConnectionString, StringComparison.Ordinal);
        Assert.Contains("Port=5544", settings.PostgresConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void The_redis_configuration_is_read_in_stackexchange_format()
    {
        const string value = "127.0.0.1:6390,password=s3cret,defaultDatabase=7,abortConnect=false";

        Assert.Equal(value, Settings(ShopConnectionStrings.RedisVariable, value).RedisConfiguration);
    }

    [Fact]
    public void The_rabbitmq_uri_carries_the_vhost()
    {
        var uri = Settings(ShopConnectionStrings.RabbitMqVariable, "amqp://orchestrator:s3cret@127.0.0.1:5680/p_int_rabbitmq").RabbitMqUri;

        Assert.Equal("/p_int_rabbitmq", uri.AbsolutePath);
        Assert.Equal(5680, uri.Port);
    }

    [Theory]
    [InlineData(ShopConnectionStrings.PostgresVariable)]
    [InlineData(ShopConnectionStrings.RedisVariable)]
    [InlineData(ShopConnectionStrings.RabbitMqVariable)]
    public void A_missing_variable_is_named_and_the_orchestrator_is_pointed_to(string variable)
    {
        var settings = ShopSettings.FromValues(new Dictionary<string, string>());

        var error = Assert.ThrowsAny<MissingSettingException>(() => Read(settings, variable));

        Assert.Equal(variable, error.Variable);
        Assert.StartsWith($"{variable} is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("orchestrator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_variable_counts_as_missing()
    {
        var settings = Settings(ShopConnectionStrings.PostgresVariable, "   ");

        Assert.False(settings.Has(ShopConnectionStrings.PostgresVariable));
        Assert.Throws<MissingSettingException>(() => settings.PostgresConnectionString);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432")]
    [InlineData("Nonsense=yes")]
    [InlineData("not a connection string")]
    public void An_unusable_postgres_connection_string_is_invalid(string value)
    {
        var error = Assert.Throws<InvalidSettingException>(() => Settings(ShopConnectionStrings.PostgresVariable, value).PostgresConnectionString);

        Assert.Equal(ShopConnectionStrings.PostgresVariable, error.Variable);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5672/")]
    [InlineData("127.0.0.1:5672")]
    [InlineData("amqp:")]
    public void A_rabbitmq_value_that_is_not_an_amqp_uri_is_invalid(string value)
    {
        Assert.Throws<InvalidSettingException>(() => Settings(ShopConnectionStrings.RabbitMqVariable, value).RabbitMqUri);
    }

    [Fact]
    public void A_redis_value_without_an_endpoint_is_invalid()
    {
        Assert.Throws<InvalidSettingException>(() => Settings(ShopConnectionStrings.RedisVariable, "password=x,abortConnect=false").RedisConfiguration);
    }

    [Fact]
    public void Settings_are_validated_only_when_asked_for()
    {
        var settings = Settings(ShopConnectionStrings.RedisVariable, "127.0.0.1:6379");

        Assert.Equal("127.0.0.1:6379", settings.RedisConfiguration);
        Assert.False(settings.Has(ShopConnectionStrings.PostgresVariable));
    }

    private static ShopSettings Settings(string variable, string value) =>
        ShopSettings.FromValues(new Dictionary<string, string> { [variable] = value });

    private static object Read(ShopSettings settings, string variable) => variable switch
    {
        ShopConnectionStrings.PostgresVariable => settings.PostgresConnectionString,
        ShopConnectionStrings.RedisVariable => settings.RedisConfiguration,
        _ => settings.RabbitMqUri,
    };
}
