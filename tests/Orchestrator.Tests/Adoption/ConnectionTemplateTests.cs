using Orchestrator.Adoption;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class ConnectionTemplateTests
{
    private static readonly ServiceEvidence _postgres = new()
    {
        Name = "postgres",
        Image = "postgres:16",
        Ports = [5432],
        HostPorts = [5432],
        Environment = [new FoundValue("POSTGRES_PASSWORD", "s3cret", "ci.yml", 12)],
        File = "ci.yml",
    };

    [Theory]
    [InlineData("postgres", "ORDERS_DB", "Host=localhost;Port=5432;Username=postgres;Password=postgres;Database=orders", "Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}")]
    [InlineData("postgres", "ORDERS_DB", "Server=db;User Id=app;Pwd=x", "Server={host};Port={port};User Id=app;Pwd={secret};Database={namespace}")]
    [InlineData("postgres", "DATABASE_URL", "postgres://app:pw@localhost:5432/orders?sslmode=disable", "postgres://{user}:{secret}@{host}:{port}/{namespace}?sslmode=disable")]
    [InlineData("redis", "ConnectionStrings__Redis", "localhost:6379,abortConnect=false", "{host}:{port},abortConnect=false,password={secret},defaultDatabase={namespace}")]
    [InlineData("redis", "REDIS_URL", "redis://localhost:6379/0", "redis://:{secret}@{host}:{port}/{namespace}")]
    [InlineData("rabbitmq", "AMQP_URI", "amqp://guest:guest@localhost:5672/", "amqp://{user}:{secret}@{host}:{port}/{namespace}")]
    [InlineData("mysql", "SHOP_DB", "Server=localhost;Port=3306;Uid=root;Pwd=pw;Database=shop", "Server={host};Port={port};Uid=root;Pwd={secret};Database={namespace}")]
    [InlineData("mysql", "SHOP_URL", "mysql://root:pw@localhost:3306/shop", "mysql://{user}:{secret}@{host}:{port}/{namespace}")]
    [InlineData("postgres", "PGHOST", "localhost", "{host}")]
    [InlineData("postgres", "ORDERS_PORT", "5432", "{port}")]
    [InlineData("postgres", "ORDERS_CREDENTIAL", "s3cret", "{secret}")]
    [InlineData("postgres", "APP_DB_NAME", "orders", "{namespace}")]
    [InlineData("postgres", "PGDATABASE", "orders", "{namespace}")]
    [InlineData("postgres", "PGPASSWORD", "anything", "{secret}")]
    public void A_found_value_is_rewritten_over_the_partition_server(string resource, string variable, string value, string template)
    {
        Assert.Equal(template, ConnectionTemplate.For(resource, variable, value, _postgres));
    }

    [Fact]
    public void A_value_with_no_part_init_can_tell_gives_no_template()
    {
        Assert.Null(ConnectionTemplate.For("postgres", "ORDERS_MODE", "fast", _postgres));
    }

    [Theory]
    [InlineData("ORDERS_DB", true)]
    [InlineData("PGHOST", true)]
    [InlineData("ConnectionStrings__Redis", true)]
    [InlineData("DATABASE_URL", true)]
    [InlineData("INVENTORY_REPORTS", false)]
    [InlineData("CI", false)]
    public void Only_names_that_speak_of_a_connection_are_taken_for_one(string variable, bool connection)
    {
        Assert.Equal(connection, ConnectionTemplate.LooksLikeConnection(variable));
    }

    [Theory]
    [InlineData("Host=localhost;Database=orders", "postgres")]
    [InlineData("cache:6379,ssl=false", "redis")]
    [InlineData("amqps://broker/vhost", "rabbitmq")]
    [InlineData("mysql://root:pw@db:3306/shop", "mysql")]
    [InlineData("http://localhost:8080/health", null)]
    [InlineData("localhost", null)]
    public void The_shape_of_a_value_tells_its_kind(string value, string? kind)
    {
        Assert.Equal(kind, ConnectionTemplate.KindOf(value));
    }

    [Theory]
    [InlineData("postgres:16", null)]
    [InlineData("postgres@sha256:abc", null)]
    [InlineData("redis", "it has no tag, so it means latest")]
    [InlineData("docker.io/library/rabbitmq:latest", "its tag is latest")]
    [InlineData("postgres:${{ matrix.pg }}", "its tag comes from an expression")]
    public void An_image_without_a_version_is_named_unpinned(string image, string? why)
    {
        Assert.Equal(why, ImageKinds.Unpinned(image));
    }

    [Theory]
    [InlineData("postgres:16-alpine", "postgres")]
    [InlineData("ghcr.io/acme/postgis/postgis:15", "postgres")]
    [InlineData("bitnami/redis:7.2", "redis")]
    [InlineData("rabbitmq:3-management", "rabbitmq")]
    [InlineData("mariadb:11.4", "mysql")]
    [InlineData("localhost:5000/mongo:7", null)]
    public void The_image_tells_the_resource_kind(string image, string? resource)
    {
        Assert.Equal(resource, ImageKinds.ResourceOf(image));
    }
}
